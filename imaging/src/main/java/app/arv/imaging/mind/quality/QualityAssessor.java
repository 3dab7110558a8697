package app.arv.imaging.mind.quality;

import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.quality.Finding.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts from a compiled target how often the MindAR runtime will find it ({@link DetectionModel}, calibrated
 * against the real runtime) and says what to change when it is not good: every reason names its fix.
 */
public final class QualityAssessor {

    /** Grey-level standard deviation of the tracking image below which contrast is the problem. */
    static final double LOW_CONTRAST = 20;
    static final double LARGE_FLAT_SHARE = 0.35;
    static final double BUNCHED_COVERAGE = 0.5;
    static final double FEW_FEATURES_PER_SCALE = 60;
    static final double REPETITIVE_SHARE = 0.4;
    /**
     * Short side below which a larger original is the fix (the corpus's 160-px-long targets still worked, its 96-px
     * ones often did not), and the size to ask for (detection and a print sharp enough at ~20 cm).
     */
    static final int SMALL_SIDE = 200;
    static final int RECOMMENDED_SIDE = 600;
    /** Share of the camera's view height the target must fill: the calibration's far pose for good, half for weak. */
    private static final double GOOD_FILL = 0.3;
    private static final double WEAK_FILL = 0.6;
    /** View height of MindAR's camera model (45 degrees vertical) per unit of distance: 2 tan(22.5 deg). */
    private static final double VIEW_HEIGHT_PER_DISTANCE = 2 * Math.tan(Math.toRadians(22.5));
    private static final double VIEW_ASPECT = 4.0 / 3.0;
    static final int VIEWING_DISTANCE_CM = 50;

    public QualityReport assess(MindTarget target) {
        List<ScaleFeatures> scales = new ArrayList<>();
        for (Keyframe k : target.keyframes()) {
            scales.add(new ScaleFeatures(k.scale(), k.width(), k.height(), k.maximaPoints().size(), k.minimaPoints().size()));
        }
        List<Integer> tracking = target.trackingImages().stream().map(t -> t.points().size()).toList();
        DetectionFeatures f = DetectionFeatures.of(target);
        double predicted = DetectionModel.predict(f);
        Verdict verdict = DetectionModel.verdictOf(predicted);
        int printWidth = minPrintWidthCm(target.width(), target.height(), verdict == Verdict.GOOD ? GOOD_FILL : WEAK_FILL);
        List<Finding> findings = findings(f, printWidth, verdict);
        return new QualityReport(target.width(), target.height(), scales, tracking, f.coverage(), f.largestCellShare(),
                DetectionModel.scoreOf(predicted), verdict, findings, predicted, printWidth, f);
    }

    /** What is wrong, each with its fix; a good target gets only the findings that apply, not the print size. */
    private static List<Finding> findings(DetectionFeatures f, int printWidth, Verdict verdict) {
        List<Finding> findings = new ArrayList<>();
        int minSide = Math.min(f.width(), f.height());
        if (f.totalFeatures() == 0) {
            findings.add(Finding.of(Kind.NO_FEATURES));
        }
        if (f.contrast() < LOW_CONTRAST) {
            findings.add(Finding.of(Kind.LOW_CONTRAST, "contrast", Math.round(f.contrast())));
        }
        if (f.flatShare() > LARGE_FLAT_SHARE || (f.totalFeatures() > 0 && f.coverage() < BUNCHED_COVERAGE)) {
            findings.add(Finding.of(Kind.LARGE_FLAT_AREAS, "flat_percent", Math.round(f.flatShare() * 100),
                    "coverage_percent", Math.round(f.coverage() * 100)));
        }
        if (f.totalFeatures() > 0 && f.meanFeaturesPerScale() < FEW_FEATURES_PER_SCALE && f.contrast() >= LOW_CONTRAST) {
            findings.add(Finding.of(Kind.LITTLE_DETAIL, "features_per_scale", Math.round(f.meanFeaturesPerScale())));
        }
        if (f.duplicateShare() > REPETITIVE_SHARE) {
            findings.add(Finding.of(Kind.REPETITIVE_PATTERN, "duplicate_percent", Math.round(f.duplicateShare() * 100)));
        }
        if (f.trackingPoints() == 0 && f.totalFeatures() > 0) {
            findings.add(Finding.of(Kind.NO_TRACKING_POINTS));
        }
        if (minSide < SMALL_SIDE) {
            findings.add(Finding.of(Kind.SMALL_ORIGINAL, "width", f.width(), "height", f.height(), "recommended_side", RECOMMENDED_SIDE));
        }
        if (verdict != Verdict.GOOD) {
            findings.add(Finding.of(Kind.PRINT_LARGE, "print_width_cm", printWidth, "distance_cm", VIEWING_DISTANCE_CM,
                    "print_width_at_1m_cm", printWidth * 100 / VIEWING_DISTANCE_CM));
        }
        return findings;
    }

    /** Print width at which the target fills {@code fill} of the view (height, or width when wider than 4:3). */
    static int minPrintWidthCm(int width, int height, double fill) {
        double viewHeight = VIEW_HEIGHT_PER_DISTANCE * VIEWING_DISTANCE_CM;
        double aspect = width / (double) height;
        double printWidth = aspect > VIEW_ASPECT ? fill * viewHeight * VIEW_ASPECT : fill * viewHeight * aspect;
        return (int) Math.ceil(printWidth);
    }
}
