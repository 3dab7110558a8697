package app.arv.imaging.mind.quality;

import java.util.List;

/**
 * What the compiler found in a target image and what that means for detection and tracking.
 *
 * @param coverage           share (0..1) of the cells of a 4x4 grid over the image holding features
 * @param largestCellShare   share (0..1) of all features in the busiest grid cell (1/16 when even)
 * @param score              0..100, {@code round(100 * predictedDetection)}
 * @param verdict            {@code unusable} only where the calibration corpus never saw a detection,
 *                           {@code good} where it saw detection in at least 5 of 6 poses (see {@link DetectionModel})
 * @param reasons            problems, each naming its fix; empty for a good target
 * @param predictedDetection 0..1, the chance that the MindAR runtime finds the target in one camera pose
 * @param minPrintWidthCm    the narrowest print that fills enough of a phone camera's view 50 cm away for this
 *                           verdict (double it for 1 m)
 * @param features           the compiled target's data the prediction is made from
 */
public record QualityReport(int width, int height, List<ScaleFeatures> scales, List<Integer> trackingPoints,
        double coverage, double largestCellShare, int score, Verdict verdict, List<Finding> findings,
        double predictedDetection, int minPrintWidthCm, DetectionFeatures features) {

    public QualityReport {
        scales = List.copyOf(scales);
        trackingPoints = List.copyOf(trackingPoints);
        findings = List.copyOf(findings);
    }

    /** The findings in English, each with its fix. */
    public List<String> reasons() {
        return findings.stream().map(Finding::english).toList();
    }

    public int totalFeatures() {
        return scales.stream().mapToInt(ScaleFeatures::total).sum();
    }
}
