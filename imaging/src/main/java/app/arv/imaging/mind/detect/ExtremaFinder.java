package app.arv.imaging.mind.detect;

/**
 * Finds DoG extrema in octaves 1..n-2 and keeps the strongest ones per image region, as the reference
 * does: at most one candidate per 2x2 block, then a 10x10 bucket grid (shared by all octaves, each octave's
 * own size spanning the grid) keeping the top 5 by |DoG| per bucket.
 */
final class ExtremaFinder {

    static final int BUCKETS_PER_SIDE = 10;
    static final int PER_BUCKET = 5;
    static final int SLOTS = BUCKETS_PER_SIDE * BUCKETS_PER_SIDE * PER_BUCKET;

    private static final double LAPLACIAN_SQR_THRESHOLD = 9.0;
    private static final int BORDER = 7;
    private static final double EDGE_HESSIAN_THRESHOLD = (4.0 + 1) * (4.0 + 1) / 4.0;

    /** Candidate slots in bucket order; score 0 marks an empty slot. */
    final float[] score = new float[SLOTS];
    final int[] octave = new int[SLOTS];
    final int[] x = new int[SLOTS];
    final int[] y = new int[SLOTS];

    ExtremaFinder(Pyramid pyramid) {
        double[] absScores = new double[SLOTS];
        for (int o = 1; o < pyramid.octaves() - 1; o++) {
            Plane current = pyramid.dog[o];
            Plane below = Pyramid.halve(pyramid.dog[o - 1]);
            Plane above = Pyramid.doubleTo(pyramid.dog[o + 1], current.width, current.height);
            float[] extrema = extrema(below, current, above);
            reduceAndBucket(extrema, current.width, current.height, o, absScores);
        }
    }

    /** DoG value where the pixel is a contrasty, non-edge 3x3x3 extremum (ties allowed), else 0. */
    private static float[] extrema(Plane below, Plane current, Plane above) {
        int w = current.width;
        int h = current.height;
        float[] out = new float[w * h];
        float[] c = current.v;
        for (int yy = BORDER; yy <= h - 1 - BORDER; yy++) {
            for (int xx = BORDER; xx <= w - 1 - BORDER; xx++) {
                int pos = yy * w + xx;
                float value = c[pos];
                if ((double) value * value < LAPLACIAN_SQR_THRESHOLD) {
                    continue;
                }
                boolean isMax = true;
                boolean isMin = true;
                for (int dy = -1; dy <= 1 && (isMax || isMin); dy++) {
                    int row = (yy + dy) * w;
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = row + xx + dx;
                        float v0 = below.v[p];
                        float v1 = c[p];
                        float v2 = above.v[p];
                        if (value < v0 || value < v1 || value < v2) {
                            isMax = false;
                        }
                        if (value > v0 || value > v1 || value > v2) {
                            isMin = false;
                        }
                    }
                }
                if (!isMax && !isMin) {
                    continue;
                }
                double center = c[pos];
                double dxx = (double) c[pos + 1] + c[pos - 1] - 2.0 * center;
                double dyy = (double) c[pos + w] + c[pos - w] - 2.0 * center;
                double dxy = 0.25 * ((double) c[pos - w - 1] + c[pos + w + 1] - c[pos - w + 1] - c[pos + w - 1]);
                double det = dxx * dyy - dxy * dxy;
                if (Math.abs(det) < 0.0001) {
                    continue;
                }
                double edgeScore = (dxx + dyy) * (dxx + dyy) / det;
                if (Math.abs(edgeScore) >= EDGE_HESSIAN_THRESHOLD) {
                    continue;
                }
                out[pos] = value;
            }
        }
        return out;
    }

    /**
     * One extremum per 2x2 block (the reference prefers (x,y+1), then (x+1,y), then (x+1,y+1), then (x,y)),
     * encoded with its block position in a float32 just like the reference, then bucketed.
     */
    private void reduceAndBucket(float[] extrema, int w, int h, int oct, double[] absScores) {
        int rw = w / 2;
        int rh = h / 2;
        double bucketWidth = rw * 2.0 / BUCKETS_PER_SIDE;
        double bucketHeight = rh * 2.0 / BUCKETS_PER_SIDE;
        for (int j = 0; j < rh; j++) {
            for (int i = 0; i < rw; i++) {
                int yy = j * 2;
                int xx = i * 2;
                int location = 0;
                float value = extrema[yy * w + xx];
                if (extrema[(yy + 1) * w + xx] != 0f) {
                    location = 1;
                    value = extrema[(yy + 1) * w + xx];
                } else if (extrema[yy * w + xx + 1] != 0f) {
                    location = 2;
                    value = extrema[yy * w + xx + 1];
                } else if (extrema[(yy + 1) * w + xx + 1] != 0f) {
                    location = 3;
                    value = extrema[(yy + 1) * w + xx + 1];
                }
                float encoded = (float) (value < 0 ? location * -1000.0 + value : location * 1000.0 + value);
                if (encoded == 0f) {
                    continue;
                }
                double s = encoded % 1000.0;
                int px = xx + (location == 2 || location == 3 ? 1 : 0);
                int py = yy + (location == 1 || location == 3 ? 1 : 0);
                int bucket = (int) Math.floor(py / bucketHeight) * BUCKETS_PER_SIDE + (int) Math.floor(px / bucketWidth);
                insert(bucket, s, oct, px, py, absScores);
            }
        }
    }

    private void insert(int bucket, double s, int oct, int px, int py, double[] absScores) {
        int base = bucket * PER_BUCKET;
        double abs = Math.abs(s);
        int t = PER_BUCKET;
        while (t >= 1 && abs > absScores[base + t - 1]) {
            t--;
        }
        if (t >= PER_BUCKET) {
            return;
        }
        for (int k = PER_BUCKET - 1; k >= t + 1; k--) {
            absScores[base + k] = absScores[base + k - 1];
            score[base + k] = score[base + k - 1];
            octave[base + k] = octave[base + k - 1];
            y[base + k] = y[base + k - 1];
            x[base + k] = x[base + k - 1];
        }
        absScores[base + t] = abs;
        score[base + t] = (float) s;
        octave[base + t] = oct;
        y[base + t] = py;
        x[base + t] = px;
    }
}
