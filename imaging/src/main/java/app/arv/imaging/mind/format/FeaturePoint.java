package app.arv.imaging.mind.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * One matching feature of a keyframe, in keyframe pixels.
 *
 * @param maxima      true for a DoG maximum, false for a minimum (the runtime matches them separately)
 * @param x           keyframe x; the runtime maps it to target pixels as {@code (x + 0.5) / scale}
 * @param y           keyframe y
 * @param scale       2^octave of the pyramid level the feature was found on
 * @param angle       dominant orientation in radians
 * @param descriptors 666 FREAK bits packed MSB-first as 21 words (read as unsigned 32-bit)
 */
public record FeaturePoint(boolean maxima, double x, double y, int scale, double angle, int[] descriptors) {

    public static final int DESCRIPTOR_WORDS = 21;

    public FeaturePoint {
        if (descriptors.length != DESCRIPTOR_WORDS) {
            throw new IllegalArgumentException("a FREAK descriptor has 21 words, got " + descriptors.length);
        }
    }

    /** Hamming distance of the two descriptors, 0..666. */
    public int hammingDistance(FeaturePoint other) {
        int d = 0;
        for (int i = 0; i < DESCRIPTOR_WORDS; i++) {
            d += Integer.bitCount(descriptors[i] ^ other.descriptors[i]);
        }
        return d;
    }

    /** Value equality including the descriptor words (a record would compare the array by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeaturePoint p && maxima == p.maxima && Double.compare(x, p.x) == 0
                && Double.compare(y, p.y) == 0 && scale == p.scale && Double.compare(angle, p.angle) == 0
                && Arrays.equals(descriptors, p.descriptors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxima, x, y, scale, angle) * 31 + Arrays.hashCode(descriptors);
    }

    @Override
    public String toString() {
        return "FeaturePoint[" + (maxima ? "max" : "min") + " x=" + x + " y=" + y + " scale=" + scale + " angle=" + angle + "]";
    }
}
