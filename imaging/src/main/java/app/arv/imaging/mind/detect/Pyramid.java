package app.arv.imaging.mind.detect;

import app.arv.imaging.raster.GreyImage;

/**
 * The Gaussian/DoG pyramid of one keyframe: per octave g1 and g2 = binomial(g1), DoG = g1 - g2.
 * Octave 0's g1 is the blurred input, later octaves start from the 2x2 mean of the previous g2.
 */
final class Pyramid {

    static final int MIN_SIZE = 8;
    static final int MAX_OCTAVES = 5;

    final Plane[] g1;
    final Plane[] g2;
    final Plane[] dog;

    Pyramid(GreyImage image) {
        int n = octaveCount(image.width(), image.height());
        g1 = new Plane[n];
        g2 = new Plane[n];
        dog = new Plane[n];
        float[] input = new float[image.pixels().length];
        byte[] px = image.pixels();
        for (int i = 0; i < px.length; i++) {
            input[i] = px[i] & 0xff;
        }
        Plane base = new Plane(image.width(), image.height(), input);
        for (int o = 0; o < n; o++) {
            g1[o] = o == 0 ? binomial(base) : halve(g2[o - 1]);
            g2[o] = binomial(g1[o]);
            dog[o] = difference(g1[o], g2[o]);
        }
    }

    int octaves() {
        return dog.length;
    }

    /** Halving stops before a side drops under 8 px; the sides are halved as real numbers, as the reference does. */
    static int octaveCount(int width, int height) {
        double w = width;
        double h = height;
        int n = 0;
        while (w >= MIN_SIZE && h >= MIN_SIZE) {
            w /= 2;
            h /= 2;
            n++;
            if (n == MAX_OCTAVES) {
                break;
            }
        }
        return n;
    }

    /** Separable [1 4 6 4 1] filter, horizontal pass unnormalised, vertical pass divides by 256. */
    static Plane binomial(Plane p) {
        int w = p.width;
        int h = p.height;
        float[] src = p.v;
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (x == 2 && w > 4) {
                    // interior: no clamping, the same products and sums in the same order
                    for (; x < w - 2; x++) {
                        int c = row + x;
                        double sum = src[c - 2];
                        sum += src[c - 1] * 4.0;
                        sum += src[c] * 6.0;
                        sum += src[c + 1] * 4.0;
                        sum += src[c + 2];
                        tmp[c] = (float) sum;
                    }
                    if (x >= w) {
                        break;
                    }
                }
                int xm2 = Math.max(x - 2, 0);
                int xm1 = Math.max(x - 1, 0);
                int xp1 = Math.min(x + 1, w - 1);
                int xp2 = Math.min(x + 2, w - 1);
                double sum = src[row + xm2];
                sum += src[row + xm1] * 4.0;
                sum += src[row + x] * 6.0;
                sum += src[row + xp1] * 4.0;
                sum += src[row + xp2];
                tmp[row + x] = (float) sum;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int ym2 = Math.max(y - 2, 0) * w;
            int ym1 = Math.max(y - 1, 0) * w;
            int y0 = y * w;
            int yp1 = Math.min(y + 1, h - 1) * w;
            int yp2 = Math.min(y + 2, h - 1) * w;
            for (int x = 0; x < w; x++) {
                double sum = tmp[ym2 + x];
                sum += tmp[ym1 + x] * 4.0;
                sum += tmp[y0 + x] * 6.0;
                sum += tmp[yp1 + x] * 4.0;
                sum += tmp[yp2 + x];
                sum /= 256.0;
                out[y0 + x] = (float) sum;
            }
        }
        return new Plane(w, h, out);
    }

    /** 2x2 mean, accumulated in float in the reference's order. */
    static Plane halve(Plane p) {
        int w = p.width / 2;
        int h = p.height / 2;
        float[] out = new float[w * h];
        int sw = p.width;
        float[] src = p.v;
        for (int y = 0; y < h; y++) {
            int r0 = (2 * y) * sw;
            int r1 = r0 + sw;
            for (int x = 0; x < w; x++) {
                int c = 2 * x;
                float s = src[r0 + c] * 0.25f;
                s += src[r1 + c] * 0.25f;
                s += src[r0 + c + 1] * 0.25f;
                s += src[r1 + c + 1] * 0.25f;
                out[y * w + x] = s;
            }
        }
        return new Plane(w, h, out);
    }

    /** Bilinear 2x upsampling of {@code p} onto a width x height grid (pixel centres at i/2 - 1/4). */
    static Plane doubleTo(Plane p, int width, int height) {
        float[] out = new float[width * height];
        for (int j = 0; j < height; j++) {
            double sj = (float) (0.5 * j) - 0.25;
            double sj0 = Math.floor(sj);
            double sj1 = Math.ceil(sj);
            int j0 = (int) sj0;
            int j1 = (int) sj1;
            for (int i = 0; i < width; i++) {
                double si = (float) (0.5 * i) - 0.25;
                double si0 = Math.floor(si);
                double si1 = Math.ceil(si);
                int i0 = (int) si0;
                int i1 = (int) si1;
                double sum = 0.0;
                sum += p.at(i0, j0) * (double) (float) ((si1 - si) * (sj1 - sj));
                sum += p.at(i0, j1) * (double) (float) ((si1 - si) * (sj - sj0));
                sum += p.at(i1, j0) * (double) (float) ((si - si0) * (sj1 - sj));
                sum += p.at(i1, j1) * (double) (float) ((si - si0) * (sj - sj0));
                out[j * width + i] = (float) sum;
            }
        }
        return new Plane(width, height, out);
    }

    static Plane difference(Plane a, Plane b) {
        float[] out = new float[a.v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.v[i] - b.v[i];
        }
        return new Plane(a.width, a.height, out);
    }
}
