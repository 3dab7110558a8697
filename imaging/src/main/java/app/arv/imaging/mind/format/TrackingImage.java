package app.arv.imaging.mind.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A downscaled grey copy of the target with the template centres the tracker follows.
 *
 * @param pixels row-major grey bytes, width * height of them
 */
public record TrackingImage(byte[] pixels, double scale, int width, int height, List<TrackingPoint> points) {

    public TrackingImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("tracking image has " + pixels.length + " bytes for " + width + "x" + height);
        }
        points = List.copyOf(points);
    }

    /** Value equality including the pixels (a record would compare the array by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingImage t && Double.compare(scale, t.scale) == 0 && width == t.width
                && height == t.height && points.equals(t.points) && Arrays.equals(pixels, t.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, width, height, points) * 31 + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "TrackingImage[" + width + "x" + height + " scale=" + scale + " points=" + points.size() + "]";
    }
}
