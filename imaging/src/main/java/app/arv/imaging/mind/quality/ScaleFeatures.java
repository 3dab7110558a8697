package app.arv.imaging.mind.quality;

/** Feature counts of one matching keyframe. */
public record ScaleFeatures(double scale, int width, int height, int maxima, int minima) {

    public int total() {
        return maxima + minima;
    }
}
