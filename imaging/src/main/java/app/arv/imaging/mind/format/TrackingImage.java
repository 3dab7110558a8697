package app.arv.imaging.mind.format;

import java.util.List;

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
}
