package app.arv.imaging.mind.quality;

import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<String> reasons = reasons(f, printWidth, verdict);
        return new QualityReport(target.width(), target.height(), scales, tracking, f.coverage(), f.largestCellShare(),
                DetectionModel.scoreOf(predicted), verdict, reasons, predicted, printWidth, f);
    }

    /** What is wrong, each with its fix; a good target gets only the findings that apply, not the print size. */
    private static List<String> reasons(DetectionFeatures f, int printWidth, Verdict verdict) {
        List<String> reasons = new ArrayList<>();
        int minSide = Math.min(f.width(), f.height());
        if (f.totalFeatures() == 0) {
            reasons.add("no usable features: the image is flat or blank; use a photo with visible detail and edges");
        }
        if (f.contrast() < LOW_CONTRAST) {
            reasons.add(String.format(Locale.ROOT, "low contrast (grey levels spread %.0f, 40 or more works well): "
                    + "raise contrast (brighter highlights, deeper shadows) or print the suggested enhanced version", f.contrast()));
        }
        if (f.flatShare() > LARGE_FLAT_SHARE || (f.totalFeatures() > 0 && f.coverage() < BUNCHED_COVERAGE)) {
            reasons.add(String.format(Locale.ROOT, "large flat areas (%d %% of the image is plain, detail covers %d %% of it): "
                    + "avoid large flat areas; crop plain margins or sky away, or choose a photo with detail all over",
                    Math.round(f.flatShare() * 100), Math.round(f.coverage() * 100)));
        }
        if (f.totalFeatures() > 0 && f.meanFeaturesPerScale() < FEW_FEATURES_PER_SCALE && f.contrast() >= LOW_CONTRAST) {
            reasons.add(String.format(Locale.ROOT, "little sharp detail (%d features per scale, 100 or more works well): "
                    + "use a sharper original (in focus, no motion blur, not enlarged)", Math.round(f.meanFeaturesPerScale())));
        }
        if (f.duplicateShare() > REPETITIVE_SHARE) {
            reasons.add(String.format(Locale.ROOT, "repetitive pattern (%d %% of the features have a near-identical twin): "
                    + "add or crop to distinctive content (a face, a logo, an object) instead of brick, grass, text or tiles",
                    Math.round(f.duplicateShare() * 100)));
        }
        if (f.trackingPoints() == 0 && f.totalFeatures() > 0) {
            reasons.add("no trackable points at the 128 px tracking size: raise contrast and use a photo with bold detail");
        }
        if (minSide < SMALL_SIDE) {
            reasons.add(String.format(Locale.ROOT, "small original (%dx%d): use a larger original, at least %d px on the short side",
                    f.width(), f.height(), RECOMMENDED_SIDE));
        }
        if (verdict != Verdict.GOOD) {
            reasons.add(String.format(Locale.ROOT, "the camera must see it large: print at least %d cm wide for viewing from %d cm "
                    + "(%d cm from 1 m)", printWidth, VIEWING_DISTANCE_CM, printWidth * 100 / VIEWING_DISTANCE_CM));
        }
        return reasons;
    }

    /** Print width at which the target fills {@code fill} of the view (height, or width when wider than 4:3). */
    static int minPrintWidthCm(int width, int height, double fill) {
        double viewHeight = VIEW_HEIGHT_PER_DISTANCE * VIEWING_DISTANCE_CM;
        double aspect = width / (double) height;
        double printWidth = aspect > VIEW_ASPECT ? fill * viewHeight * VIEW_ASPECT : fill * viewHeight * aspect;
        return (int) Math.ceil(printWidth);
    }
}
