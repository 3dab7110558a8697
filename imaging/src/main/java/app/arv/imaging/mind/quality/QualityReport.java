package app.arv.imaging.mind.quality;

import java.util.List;

/**
 * What the compiler found in a target image and what that means for detection and tracking.
 *
 * @param coverage      share (0..1) of the cells of a 4x4 grid over the image holding features
 * @param largestCellShare share (0..1) of all features in the busiest grid cell (1/16 when even)
 * @param score         0..100
 * @param reasons       human-readable problems, empty for a good target
 */
public record QualityReport(int width, int height, List<ScaleFeatures> scales, List<Integer> trackingPoints,
                            double coverage, double largestCellShare, int score, Verdict verdict, List<String> reasons) {

    public QualityReport {
        scales = List.copyOf(scales);
        trackingPoints = List.copyOf(trackingPoints);
        reasons = List.copyOf(reasons);
    }

    public int totalFeatures() {
        return scales.stream().mapToInt(ScaleFeatures::total).sum();
    }
}
