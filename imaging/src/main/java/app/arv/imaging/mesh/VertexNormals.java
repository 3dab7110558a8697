package app.arv.imaging.mesh;

/** Smooth per-vertex normals: the area-weighted sum of the adjacent faces' normals, normalised. */
public final class VertexNormals {

    private VertexNormals() {
    }

    public static float[] of(TriangleMesh mesh) {
        return of(mesh.positions(), mesh.triangles());
    }

    /**
     * The normals of the vertices {@code p} (x, y, z each) of the triangles {@code t} (three vertex indices each; a
     * trailing incomplete triangle is ignored), unit length in float.
     */
    public static float[] of(double[] p, int[] t) {
        double[] sum = new double[p.length];
        for (int i = 0; i + 2 < t.length; i += 3) {
            int a = 3 * t[i];
            int b = 3 * t[i + 1];
            int c = 3 * t[i + 2];
            double ux = p[b] - p[a];
            double uy = p[b + 1] - p[a + 1];
            double uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a];
            double vy = p[c + 1] - p[a + 1];
            double vz = p[c + 2] - p[a + 2];
            // the cross product's length is twice the area: the weighting comes for free
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            for (int v : new int[]{a, b, c}) {
                sum[v] += nx;
                sum[v + 1] += ny;
                sum[v + 2] += nz;
            }
        }
        float[] out = new float[p.length];
        for (int v = 0; v < p.length; v += 3) {
            double len = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
            if (len < 1e-20) {
                out[v + 2] = p[v + 2] < 0 ? -1f : 1f; // opposite faces cancelled out: face the viewer's side
                continue;
            }
            float x = (float) (sum[v] / len);
            float y = (float) (sum[v + 1] / len);
            float z = (float) (sum[v + 2] / len);
            // renormalise in float so the stored vector is unit length to float precision (glTF validator)
            float l = (float) Math.sqrt((double) x * x + (double) y * y + (double) z * z);
            out[v] = x / l;
            out[v + 1] = y / l;
            out[v + 2] = z / l;
        }
        return out;
    }
}
