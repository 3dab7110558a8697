package app.arv.imaging.mind.detect;

import java.util.Arrays;

/**
 * Dominant gradient direction around a feature: a 36-bin histogram of g2 gradients within radius 4.5,
 * weighted by a Gaussian (sigma 3) and magnitude, smoothed five times, peak refined with a parabola.
 */
final class Orientation {

    static final int BINS = 36;
    private static final double ONE_OVER_2PI = 0.159154943091895;
    private static final int[] RADIAL_X;
    private static final int[] RADIAL_Y;
    private static final float[] RADIAL_W;

    static {
        double gwScale = -1.0 / (2 * 3.0 * 3.0);
        double radius = 3.0 * 1.5;
        int r = (int) Math.ceil(radius);
        int n = 0;
        int[] rx = new int[(2 * r + 1) * (2 * r + 1)];
        int[] ry = new int[rx.length];
        float[] rw = new float[rx.length];
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                int d2 = x * x + y * y;
                if (d2 <= radius * radius) {
                    double t = d2 * gwScale;
                    // the reference's 6th-order Taylor approximation of exp(t), kept for identical weights
                    double w = (720 + t * (720 + t * (360 + t * (120 + t * (30 + t * (6 + t)))))) * 0.0013888888;
                    rx[n] = x;
                    ry[n] = y;
                    rw[n] = (float) w;
                    n++;
                }
            }
        }
        RADIAL_X = Arrays.copyOf(rx, n);
        RADIAL_Y = Arrays.copyOf(ry, n);
        RADIAL_W = Arrays.copyOf(rw, n);
    }

    private Orientation() {
    }

    static float angle(Plane g2, int x, int y) {
        double[] hist = new double[BINS];
        for (int k = 0; k < RADIAL_X.length; k++) {
            int xp = x + RADIAL_X[k];
            int yp = y + RADIAL_Y[k];
            double dy = (double) g2.at(xp, yp + 1) - g2.at(xp, yp - 1);
            double dx = (double) g2.at(xp + 1, yp) - g2.at(xp - 1, yp);
            float fbin = (float) ((StrictMath.atan2(dy, dx) + Math.PI) * BINS * ONE_OVER_2PI);
            float magnitude = (float) (RADIAL_W[k] * Math.sqrt(dx * dx + dy * dy));
            int bin = (int) Math.floor(fbin - 0.5);
            int b1 = Math.floorMod(bin + BINS, BINS);
            int b2 = Math.floorMod(bin + 1 + BINS, BINS);
            double w2 = (double) fbin - bin - 0.5; // in double, as JavaScript computes it
            double w1 = w2 * -1.0 + 1.0;
            hist[b1] += w1 * magnitude;
            hist[b2] += w2 * magnitude;
        }
        float[] h = new float[BINS];
        for (int b = 0; b < BINS; b++) {
            h[b] = (float) hist[b];
        }
        float[] next = new float[BINS];
        for (int pass = 0; pass < 5; pass++) {
            for (int b = 0; b < BINS; b++) {
                next[b] = (float) (0.274068619061197 * h[(b + BINS - 1) % BINS] + 0.451862761877606 * h[b]
                        + 0.274068619061197 * h[(b + 1) % BINS]);
            }
            float[] t = h;
            h = next;
            next = t;
        }
        return peakAngle(h);
    }

    private static float peakAngle(float[] h) {
        int max = 0;
        for (int i = 1; i < BINS; i++) {
            if (h[i] > h[max]) {
                max = i;
            }
        }
        double p10 = max - 1;
        double p11 = h[(max - 1 + BINS) % BINS];
        double p20 = max;
        double p21 = h[max];
        double p30 = max + 1;
        double p31 = h[(max + 1) % BINS];
        double d1 = (p30 - p20) * (p30 - p10);
        double d2 = (p10 - p20) * (p30 - p10);
        double d3 = p10 - p20;
        double a = p10 * p10;
        double b = p20 * p20;
        double coefA = ((p31 - p21) / d1) - ((p11 - p21) / d2);
        if (Double.isNaN(coefA)) {
            coefA = 0;
        }
        double coefB = ((p11 - p21) + (coefA * (b - a))) / d3;
        double fbin = -coefB / (2.0 * coefA);
        if (Double.isNaN(fbin)) {
            fbin = 0;
        }
        return (float) (2.0 * Math.PI * (fbin + 0.5) / BINS - Math.PI);
    }
}
