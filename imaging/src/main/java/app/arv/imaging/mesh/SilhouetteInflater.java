package app.arv.imaging.mesh;

import app.arv.imaging.segment.MaskMorphology;
import app.arv.imaging.segment.ObjectMask;
import java.util.Arrays;

/**
 * Turns a silhouette into a closed, watertight surface by inflating it like a balloon.
 *
 * <p>The mask is resampled onto a grid of square cells (about {@code targetCells} of them) and made a topological
 * disk: one 4-connected region, no holes, no two cells touching only at a corner. Every cell becomes a fan of four
 * triangles around its centre on the front and the mirrored fan on the back. Corners on the outline (the rim) are
 * shared by both fans, so the surfaces are stitched there without any gap: the result is a closed 2-manifold of
 * genus 0 (V - E + F = 2). A cell edge joining two rim corners across the inside (a one-cell-wide neck) would be
 * shared by four faces, so such edges get a midpoint vertex with its own thickness.
 *
 * <p>Height: the surface over each point is the highest sphere among the balls inscribed in the silhouette that
 * cover it (the union of medial balls), scaled by {@value #THICKNESS}: an exact Euclidean distance transform gives
 * each point's own inscribed ball, and two raster sweeps hand the best covering ball (centre and radius) on to
 * the neighbours. A disc becomes a sphere, a thin leg a thin tube rather than a slab.
 */
public final class SilhouetteInflater {

    /** Ratio of the depth of each surface to the inscribed radius: 1 would make round parts perfect spheres. */
    static final double THICKNESS = 0.8;
    /** How far the rim smoothing may move an outline corner, in cells: enough to remove staircase artefacts. */
    static final double RIM_SMOOTHING_LIMIT = 0.35;

    public InflatedSilhouette inflate(ObjectMask mask, int targetCells) {
        int[] b = mask.bounds();
        if (b == null) {
            throw new IllegalArgumentException("empty mask");
        }
        int bw = b[2] - b[0] + 1;
        int bh = b[3] - b[1] + 1;
        double step = Math.max(1.0, Math.sqrt((double) mask.area() / Math.max(1, targetCells)));
        CellGrid cells = CellGrid.resample(mask, b, step);
        Heights heights = Heights.of(cells);
        double unit = Math.max(bw, bh);
        ImageFrame frame = new ImageFrame(b[0] + bw / 2.0, b[1] + bh / 2.0, unit);
        return new InflatedSilhouette(new Builder(cells, heights, step, b, frame).build(), frame);
    }

    /** In/out cells over the object's bounding box with one empty cell of padding all round. */
    record CellGrid(int w, int h, byte[] in) {

        boolean at(int i, int j) {
            return i >= 0 && j >= 0 && i < w && j < h && in[j * w + i] != 0;
        }

        static CellGrid resample(ObjectMask mask, int[] b, double step) {
            int w = (int) Math.ceil((b[2] - b[0] + 1) / step) + 2;
            int h = (int) Math.ceil((b[3] - b[1] + 1) / step) + 2;
            int[] inside = new int[w * h];
            int[] total = new int[w * h];
            for (int y = b[1]; y <= b[3]; y++) {
                int j = Math.min(h - 2, (int) ((y - b[1]) / step) + 1);
                for (int x = b[0]; x <= b[2]; x++) {
                    int i = Math.min(w - 2, (int) ((x - b[0]) / step) + 1);
                    total[j * w + i]++;
                    if (mask.contains(x, y)) {
                        inside[j * w + i]++;
                    }
                }
            }
            byte[] in = new byte[w * h];
            for (int c = 0; c < w * h; c++) {
                in[c] = (byte) (total[c] > 0 && 2 * inside[c] >= total[c] ? 1 : 0);
            }
            return new CellGrid(w, h, toDisk(in, w, h));
        }

        /**
         * Repeats until stable: keep the largest region, fill holes, and fill one of the two empty cells of every
         * diagonal-only contact (a pinch vertex would make the surface non-manifold). Filling only adds cells next
         * to the region, so this converges.
         */
        static byte[] toDisk(byte[] in, int w, int h) {
            byte[] cur = in;
            for (int round = 0; round < 1000; round++) {
                cur = MaskMorphology.fillHoles(MaskMorphology.largestComponent(cur, w, h), w, h);
                boolean changed = false;
                for (int j = 0; j + 1 < h; j++) {
                    for (int i = 0; i + 1 < w; i++) {
                        int a = cur[j * w + i];
                        int bb = cur[j * w + i + 1];
                        int c = cur[(j + 1) * w + i];
                        int d = cur[(j + 1) * w + i + 1];
                        if (a == 1 && d == 1 && bb == 0 && c == 0) {
                            cur[j * w + i + 1] = 1;
                            changed = true;
                        } else if (bb == 1 && c == 1 && a == 0 && d == 0) {
                            cur[j * w + i] = 1;
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    return cur;
                }
            }
            throw new IllegalStateException("silhouette cleanup did not converge");
        }
    }

    /**
     * Surface height on the half-cell lattice (corners at even, even; cell centres at odd, odd; edge midpoints in
     * between), in half-cell units.
     */
    record Heights(int w, int h, double[] value) {

        double at(int a, int b) {
            return value[b * w + a];
        }

        static Heights of(CellGrid cells) {
            int w = 2 * cells.w() + 1;
            int h = 2 * cells.h() + 1;
            boolean[] inside = new boolean[w * h];
            for (int b = 0; b < h; b++) {
                for (int a = 0; a < w; a++) {
                    inside[b * w + a] = isInside(cells, a, b);
                }
            }
            double[] d = DistanceTransform.euclidean(inside, w, h);
            // best covering ball per point: its centre (lattice index) and radius; height = sqrt(R^2 - |p - c|^2).
            // Propagating the centre itself (not a path length) keeps the distance Euclidean, so the surface has
            // no chamfer terraces
            int[] centre = new int[w * h];
            double[] radius = new double[w * h];
            double[] height2 = new double[w * h];
            for (int p = 0; p < w * h; p++) {
                centre[p] = p;
                radius[p] = inside[p] ? d[p] : 0;
                height2[p] = radius[p] * radius[p];
            }
            for (int round = 0; round < 2; round++) {
                sweep(inside, centre, radius, height2, w, h, true);
                sweep(inside, centre, radius, height2, w, h, false);
            }
            double[] value = new double[w * h];
            for (int p = 0; p < w * h; p++) {
                value[p] = inside[p] ? THICKNESS * Math.sqrt(height2[p]) : 0;
            }
            return new Heights(w, h, value);
        }

        private static final int[][] FORWARD = {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}};

        /** One raster pass: each point adopts a neighbour's ball when that ball covers it higher. */
        private static void sweep(boolean[] inside, int[] centre, double[] radius, double[] height2, int w, int h,
                boolean forward) {
            for (int k = 0; k < w * h; k++) {
                int p = forward ? k : w * h - 1 - k;
                if (!inside[p]) {
                    continue;
                }
                int a = p % w;
                int b = p / w;
                for (int[] n : FORWARD) {
                    int na = forward ? a + n[0] : a - n[0];
                    int nb = forward ? b + n[1] : b - n[1];
                    if (na < 0 || nb < 0 || na >= w || nb >= h) {
                        continue;
                    }
                    int q = nb * w + na;
                    if (!inside[q]) {
                        continue;
                    }
                    int c = centre[q];
                    double dx = a - c % w;
                    double dy = b - c / w;
                    double r = radius[q];
                    double candidate = r * r - dx * dx - dy * dy;
                    if (candidate > height2[p]) {
                        height2[p] = candidate;
                        radius[p] = r;
                        centre[p] = c;
                    }
                }
            }
        }

        private static boolean isInside(CellGrid cells, int a, int b) {
            int i0 = (a - 1) >> 1;
            int i1 = a >> 1;
            int j0 = (b - 1) >> 1;
            int j1 = b >> 1;
            // even coordinate: the point lies on a cell boundary and touches the cells on both sides
            int[] is = (a & 1) == 1 ? new int[] {i0} : new int[] {i1 - 1, i1};
            int[] js = (b & 1) == 1 ? new int[] {j0} : new int[] {j1 - 1, j1};
            for (int i : is) {
                for (int j : js) {
                    if (!cells.at(i, j)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final class Builder {
        private final CellGrid cells;
        private final Heights heights;
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

        Builder(CellGrid cells, Heights heights, double step, int[] bounds, ImageFrame frame) {
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
            // lattice coordinates of TL, BL, BR, TR and the centre
            int[] ca = {2 * i, 2 * i, 2 * i + 2, 2 * i + 2};
            int[] cb = {2 * j, 2 * j + 2, 2 * j + 2, 2 * j};
            int centre = (2 * j + 1) * cw + 2 * i + 1;
            // neighbour across each fan edge: TL-BL left, BL-BR below, BR-TR right, TR-TL above
            int[][] across = {{i - 1, j}, {i, j + 1}, {i + 1, j}, {i, j - 1}};
            for (int e = 0; e < 4; e++) {
                int p = cb[e] * cw + ca[e];
                int q = cb[(e + 1) & 3] * cw + ca[(e + 1) & 3];
                boolean chord = cells.at(across[e][0], across[e][1]) && isRim(p) && isRim(q);
                if (chord) {
                    int m = ((cb[e] + cb[(e + 1) & 3]) / 2) * cw + (ca[e] + ca[(e + 1) & 3]) / 2;
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
            return Heights.isInside(cells, a, b);
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
         * corner kept within {@link #RIM_SMOOTHING_LIMIT} cells of where it was, round it off without letting it
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
            double limit = RIM_SMOOTHING_LIMIT * step / frame.pixelsPerUnit();
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
}
