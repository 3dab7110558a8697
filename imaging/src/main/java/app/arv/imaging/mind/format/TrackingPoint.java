package app.arv.imaging.mind.format;

/** A template centre on a tracking image, in that image's pixels. */
public record TrackingPoint(int x, int y) {
}
