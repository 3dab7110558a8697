package app.arv.imaging.mesh;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher, lower envelope of parabolas, two separable
 * passes): for every point, the distance to the nearest point that is not inside.
 */
final class DistanceTransform {

    private static final double INF = 1e20;

    private DistanceTransform() {
    }

    static double[] euclidean(boolean[] inside, int w, int h) {
        double[] f = new double[w * h];
        for (int p = 0; p < w * h; p++) {
            f[p] = inside[p] ? INF : 0;
        }
        int n = Math.max(w, h);
        double[] line = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = f[y * w + x];
            }
            transform(line, h, out, v, z);
            for (int y = 0; y < h; y++) {
                f[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(f, y * w, line, 0, w);
            transform(line, w, out, v, z);
            for (int x = 0; x < w; x++) {
                f[y * w + x] = Math.sqrt(out[x]);
            }
        }
        return f;
    }

    private static void transform(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INF;
        z[1] = INF;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INF;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            d[q] = (double) (q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }
}
