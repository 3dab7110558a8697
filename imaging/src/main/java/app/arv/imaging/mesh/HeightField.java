package app.arv.imaging.mesh;

/**
 * Surface height on the half-cell lattice (corners at even, even; cell centres at odd, odd; edge midpoints in
 * between), in half-cell units.
 */
record HeightField(int w, int h, double[] value) {

    double at(int a, int b) {
        return value[b * w + a];
    }

    static HeightField of(CellGrid cells) {
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
            value[p] = inside[p] ? SilhouetteInflater.THICKNESS * Math.sqrt(height2[p]) : 0;
        }
        return new HeightField(w, h, value);
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

    /** Whether every cell touching lattice point (a, b) is in: one cell for a centre, two for an edge midpoint, four for a corner. */
    static boolean isInside(CellGrid cells, int a, int b) {
        // odd coordinate: inside one cell column/row; even: on the line between two
        int i0 = (a & 1) == 1 ? (a - 1) >> 1 : (a >> 1) - 1;
        int i1 = (a & 1) == 1 ? i0 : i0 + 1;
        int j0 = (b & 1) == 1 ? (b - 1) >> 1 : (b >> 1) - 1;
        int j1 = (b & 1) == 1 ? j0 : j0 + 1;
        return cells.at(i0, j0) && cells.at(i1, j0) && cells.at(i0, j1) && cells.at(i1, j1);
    }

}
