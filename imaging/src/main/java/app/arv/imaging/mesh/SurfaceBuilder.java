package app.arv.imaging.mesh;

import java.util.Arrays;

/**
 * Emits the front and back fans of every cell over shared rim vertices, then rounds off the outline's staircase.
 * One use per mesh.
 */
final class SurfaceBuilder {
    private final CellGrid cells;
    private final HeightField heights;
    private final double step;
    private final int[] bounds;
    private final ImageFrame frame;
    private final int cw;
    // vertex ids on the half-cell lattice; front and back copies (equal on the rim)
    private final int[] front;
    private final int[] backId;
    private double[] positions = new double[3 * 1024];
    private boolean[] rimFlags = new boolean[1024];
    private int vertexCount;
    private int[] triangles = new int[3 * 2048];
    private boolean[] backFaces = new boolean[2048];
    private int faceCount;
    // per-cell scratch: lattice coordinates of the corners TL, BL, BR, TR (fan order)
    private final int[] cornerA = new int[4];
    private final int[] cornerB = new int[4];

    SurfaceBuilder(CellGrid cells, HeightField heights, double step, int[] bounds, ImageFrame frame) {
        this.cells = cells;
        this.heights = heights;
        this.step = step;
        this.bounds = bounds;
        this.frame = frame;
        this.cw = heights.w();
        this.front = new int[heights.w() * heights.h()];
        this.backId = new int[heights.w() * heights.h()];
        Arrays.fill(front, -1);
        Arrays.fill(backId, -1);
    }

    TriangleMesh build() {
        for (int j = 0; j < cells.h(); j++) {
            for (int i = 0; i < cells.w(); i++) {
                if (cells.at(i, j)) {
                    cell(i, j);
                }
            }
        }
        smoothRim();
        return new TriangleMesh(Arrays.copyOf(positions, 3 * vertexCount), Arrays.copyOf(triangles, 3 * faceCount),
                Arrays.copyOf(rimFlags, vertexCount), Arrays.copyOf(backFaces, faceCount));
    }

    /** Front fan around the cell centre, counter-clockwise seen from +z (image y points down, model y up). */
    private void cell(int i, int j) {
        cornerA[0] = 2 * i;
        cornerA[1] = 2 * i;
        cornerA[2] = 2 * i + 2;
        cornerA[3] = 2 * i + 2;
        cornerB[0] = 2 * j;
        cornerB[1] = 2 * j + 2;
        cornerB[2] = 2 * j + 2;
        cornerB[3] = 2 * j;
        int centre = (2 * j + 1) * cw + 2 * i + 1;
        for (int e = 0; e < 4; e++) {
            int n = (e + 1) & 3;
            int p = cornerB[e] * cw + cornerA[e];
            int q = cornerB[n] * cw + cornerA[n];
            // the cell across this edge: TL-BL left, BL-BR below, BR-TR right, TR-TL above
            int acrossI = e == 0 ? i - 1 : e == 2 ? i + 1 : i;
            int acrossJ = e == 1 ? j + 1 : e == 3 ? j - 1 : j;
            boolean chord = cells.at(acrossI, acrossJ) && isRim(p) && isRim(q);
            if (chord) {
                int m = ((cornerB[e] + cornerB[n]) / 2) * cw + (cornerA[e] + cornerA[n]) / 2;
                fan(centre, p, m);
                fan(centre, m, q);
            } else {
                fan(centre, p, q);
            }
        }
    }

    private void fan(int c, int p, int q) {
        face(vertex(c, false), vertex(p, false), vertex(q, false), false);
        face(vertex(c, true), vertex(q, true), vertex(p, true), true);
    }

    private boolean isRim(int latticePoint) {
        return !isInsidePoint(latticePoint);
    }

    private boolean isInsidePoint(int latticePoint) {
        int a = latticePoint % cw;
        int b = latticePoint / cw;
        return HeightField.isInside(cells, a, b);
    }

    private int vertex(int point, boolean backSide) {
        boolean rim = !isInsidePoint(point);
        int[] ids = backSide && !rim ? backId : front;
        if (ids[point] >= 0) {
            return ids[point];
        }
        int a = point % cw;
        int b = point / cw;
        // lattice -> image pixels: cell 1 starts at the bounding box's left edge
        double imageX = bounds[0] + (a / 2.0 - 1) * step;
        double imageY = bounds[1] + (b / 2.0 - 1) * step;
        double z = rim ? 0 : heights.at(a, b) * step / 2 / frame.pixelsPerUnit();
        ensureVertexCapacity();
        int id = vertexCount++;
        positions[3 * id] = (imageX - frame.centreX()) / frame.pixelsPerUnit();
        positions[3 * id + 1] = (frame.centreY() - imageY) / frame.pixelsPerUnit();
        positions[3 * id + 2] = backSide ? -z : z;
        rimFlags[id] = rim;
        ids[point] = id;
        return id;
    }

    private void face(int a, int b, int c, boolean backSide) {
        if (3 * faceCount + 3 > triangles.length) {
            triangles = Arrays.copyOf(triangles, triangles.length * 2);
            backFaces = Arrays.copyOf(backFaces, backFaces.length * 2);
        }
        triangles[3 * faceCount] = a;
        triangles[3 * faceCount + 1] = b;
        triangles[3 * faceCount + 2] = c;
        backFaces[faceCount++] = backSide;
    }

    private void ensureVertexCapacity() {
        if (vertexCount == rimFlags.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
            rimFlags = Arrays.copyOf(rimFlags, rimFlags.length * 2);
        }
    }

    /**
     * The outline follows cell edges, a staircase. Two Laplacian passes along the closed outline, with every
     * corner kept within {@link SilhouetteInflater#RIM_SMOOTHING_LIMIT} cells of where it was, round it off without letting it
     * cross the neighbouring inner vertices. Only positions move, so the topology is untouched.
     */
    private void smoothRim() {
        int[] next = new int[vertexCount];
        int[] prev = new int[vertexCount];
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
        // front faces' edges between two rim vertices are exactly the outline edges, each used by one face
        for (int f = 0; f < faceCount; f++) {
            if (backFaces[f]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int u = triangles[3 * f + k];
                int v = triangles[3 * f + (k + 1) % 3];
                if (rimFlags[u] && rimFlags[v]) {
                    next[u] = v;
                    prev[v] = u;
                }
            }
        }
        double limit = SilhouetteInflater.RIM_SMOOTHING_LIMIT * step / frame.pixelsPerUnit();
        double[] original = Arrays.copyOf(positions, 3 * vertexCount);
        for (int pass = 0; pass < 2; pass++) {
            double[] current = Arrays.copyOf(positions, 3 * vertexCount);
            for (int v = 0; v < vertexCount; v++) {
                if (!rimFlags[v] || next[v] < 0 || prev[v] < 0) {
                    continue;
                }
                for (int c = 0; c < 2; c++) {
                    double target = (current[3 * next[v] + c] + current[3 * prev[v] + c]) / 2;
                    double moved = current[3 * v + c] + 0.5 * (target - current[3 * v + c]);
                    double o = original[3 * v + c];
                    positions[3 * v + c] = Math.max(o - limit, Math.min(o + limit, moved));
                }
            }
        }
    }
}
