package app.arv.imaging.mind.detect;

/**
 * FREAK sampling pattern (6 rings of 6 points plus the centre, unit radius) and the 666 pairwise
 * intensity comparisons that form the descriptor bits.
 */
final class Freak {

    static final int POINTS = 37;
    static final int COMPARISONS = POINTS * (POINTS - 1) / 2;
    static final int BYTES = (COMPARISONS + 7) / 8;
    /** Ring radii are scaled by this many octave pixels. */
    static final double EXPANSION = 7.0;

    private static final double[][] RINGS = {
            {-1.000000, 0.000000, -0.500000, -0.866025, 0.500000, -0.866025, 1.000000, -0.000000, 0.500000, 0.866025, -0.500000, 0.866025},
            {0.000000, 0.930969, -0.806243, 0.465485, -0.806243, -0.465485, -0.000000, -0.930969, 0.806243, -0.465485, 0.806243, 0.465485},
            {0.847306, -0.000000, 0.423653, 0.733789, -0.423653, 0.733789, -0.847306, 0.000000, -0.423653, -0.733789, 0.423653, -0.733789},
            {-0.000000, -0.741094, 0.641806, -0.370547, 0.641806, 0.370547, 0.000000, 0.741094, -0.641806, 0.370547, -0.641806, -0.370547},
            {-0.595502, 0.000000, -0.297751, -0.515720, 0.297751, -0.515720, 0.595502, -0.000000, 0.297751, 0.515720, -0.297751, 0.515720},
            {0.000000, 0.362783, -0.314179, 0.181391, -0.314179, -0.181391, -0.000000, -0.362783, 0.314179, -0.181391, 0.314179, 0.181391},
            {0, 0},
    };

    /** Pattern coordinates as float32, the precision the reference keeps them in. */
    static final float[] X = new float[POINTS];
    static final float[] Y = new float[POINTS];

    static {
        int k = 0;
        for (double[] ring : RINGS) {
            for (int i = 0; i < ring.length; i += 2) {
                X[k] = (float) ring[i];
                Y[k] = (float) ring[i + 1];
                k++;
            }
        }
    }

    private Freak() {
    }

    /** Bilinear samples of the octave's g2 image at the 37 pattern points, rotated by the angle. */
    static void sample(Plane g2, float px, float py, float angle, float[] out) {
        double cos = EXPANSION * StrictMath.cos(angle);
        double sin = EXPANSION * StrictMath.sin(angle);
        for (int k = 0; k < POINTS; k++) {
            double yp = py + X[k] * sin + Y[k] * cos;
            double xp = px + X[k] * cos + Y[k] * -sin;
            double fx0 = Math.floor(xp);
            double fy0 = Math.floor(yp);
            int x0 = (int) fx0;
            int y0 = (int) fy0;
            int x1 = x0 + 1;
            int y1 = y0 + 1;
            double f1 = g2.at(x0, y0);
            double f2 = g2.at(x1, y0);
            double f3 = g2.at(x0, y1);
            double f4 = g2.at(x1, y1);
            double value = (x1 - xp) * (y1 - yp) * f1
                    + (xp - x0) * (y1 - yp) * f2
                    + (x1 - xp) * (yp - y0) * f3
                    + (xp - x0) * (yp - y0) * f4;
            out[k] = Double.isNaN(value) ? 0f : (float) value;
        }
    }

    /** Bit (i,j), i < j, outer points first, set when sample i is darker than sample j (+0.01); MSB-first words. */
    static int[] describe(float[] samples) {
        byte[] bytes = new byte[BYTES + (4 - BYTES % 4) % 4];
        int bit = 0;
        for (int i = 0; i < POINTS; i++) {
            for (int j = i + 1; j < POINTS; j++) {
                if (samples[i] < samples[j] + 0.01) {
                    bytes[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
                }
                bit++;
            }
        }
        int[] words = new int[bytes.length / 4];
        for (int w = 0; w < words.length; w++) {
            words[w] = ((bytes[4 * w] & 0xff) << 24) | ((bytes[4 * w + 1] & 0xff) << 16)
                    | ((bytes[4 * w + 2] & 0xff) << 8) | (bytes[4 * w + 3] & 0xff);
        }
        return words;
    }
}
