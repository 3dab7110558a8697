package app.arv.imaging.mesh;

/**
 * An indexed triangle mesh in flat arrays: {@code positions} x,y,z per vertex, {@code triangles} three vertex
 * indices per face, counter-clockwise seen from outside. {@code rim} marks the vertices on the silhouette
 * outline (where the front and back surfaces meet), {@code back} the faces of the back surface; both survive
 * simplification so the writer can give the two sides their own material.
 */
public record TriangleMesh(double[] positions, int[] triangles, boolean[] rim, boolean[] back) {

    public TriangleMesh {
        if (positions.length % 3 != 0 || triangles.length % 3 != 0 || rim.length != positions.length / 3
                || back.length != triangles.length / 3) {
            throw new IllegalArgumentException("inconsistent mesh arrays");
        }
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int faceCount() {
        return triangles.length / 3;
    }

    /** {minX, minY, minZ, maxX, maxY, maxZ}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
                -Double.MAX_VALUE};
        for (int i = 0; i < positions.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                b[c] = Math.min(b[c], positions[i + c]);
                b[c + 3] = Math.max(b[c + 3], positions[i + c]);
            }
        }
        return b;
    }
}
