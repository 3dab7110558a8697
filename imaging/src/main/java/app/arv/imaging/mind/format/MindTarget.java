package app.arv.imaging.mind.format;

import java.util.List;

/** Everything the MindAR runtime needs about one image target. */
public record MindTarget(int width, int height, List<TrackingImage> trackingImages, List<Keyframe> keyframes) {

    public MindTarget {
        trackingImages = List.copyOf(trackingImages);
        keyframes = List.copyOf(keyframes);
    }

    public int featureCount() {
        return keyframes.stream().mapToInt(Keyframe::featureCount).sum();
    }
}
