package app.arv.imaging.mind.quality;

import java.util.List;

/**
 * The probability that the MindAR 1.2.5 runtime finds a target in one camera pose, from the compiled target's own
 * data: a logistic regression fitted on the calibration corpus (imaging/bench/calibrate.sh, table and both fits
 * in imaging/bench/calibration/fit.md).
 *
 * <p>Fit of 2026-11-30 on the corpus of that day (bench/calibration/corpus.csv): 14 public-domain images x 16
 * degradations = 224 targets compiled by this compiler, each measured with mind-ar 1.2.5 under 6 poses (frontal,
 * tilt 35, yaw 35, roll 30, 30 % of the frame, 80 % of the frame with hand motion); maximum binomial likelihood,
 * ridge 1, on the 176 targets of 11 source images; the 48 of camera, horse and rocket held out. With the
 * coefficients below (the refit): training 0 false refusals, good 97.8 % found in 5+ of 6 poses, Spearman(score,
 * rate) 0.806; held out: 0, 100 %, 0.892; all: 0, 98.1 %, 0.837.
 *
 * <p>Refit of 2026-11-30 (same corpus, same split, same likelihood and ridge): two inputs added to the first fit's
 * nine, {@code saturated_largest_scale} (noise and dense texture fill the detector's every cell yet are rarely found
 * again) and {@code duplicate_share_squared} (a few near-duplicates cost little, a majority nearly everything). They
 * were chosen among twelve candidate inputs and their pairs by leave-one-source-out cross-validation inside the
 * training sources only (Spearman 0.756 without, 0.768 with); the held-out sources were looked at once, after.
 * The first fit: training Spearman 0.786, held out 0.854. Refit when the compiler or the runtime changes.
 */
public final class DetectionModel {

    /** Names of the model's inputs, in the order of {@link #inputs} and of the coefficients. */
    public static final List<String> INPUTS = List.of("log1p_largest_scale_features", "log1p_mean_features_per_scale",
            "log1p_tracking_points", "coverage", "spread", "duplicate_share", "contrast_over_64", "flat_share",
            "log2_min_side_over_256", "saturated_largest_scale", "duplicate_share_squared");

    /**
     * Features of the largest keyframe from which it counts as saturated: the detector keeps at most 500 (5 in each
     * cell of a 10 x 10 grid), and from 99 % of that nearly every cell is full, which on the corpus meant sensor-like
     * noise or a dense uniform texture (noise-60, grass) whose features the runtime rarely finds again.
     */
    static final int SATURATED_FEATURES = 495;

    // intercept first, then one per input
    private static final double[] COEFFICIENTS = {-6.5352, 0.2671, 0.3171, 2.3162, 0.0112, -0.6362, -2.9453, 0.1212, 1.3898,
            1.0947, -1.6042, -4.0889};

    /**
     * {@code unusable} is the runtime's hard rule only (prediction exactly 0: no feature to match or no point to
     * track through the 5 warm-up frames): no target of the corpus with either was ever detected. A fitted
     * threshold on the prediction refused held-out targets that the runtime found, so none is used.
     */
    public static final double UNUSABLE_BELOW = 1e-9;
    /** From this prediction on, at least 95 % of the corpus's targets were detected in 5 or more of 6 poses. */
    public static final double GOOD_FROM = 0.9128;

    private DetectionModel() {
    }

    public static double[] inputs(int largestScaleFeatures, double meanFeaturesPerScale, int trackingPoints,
            double coverage, double spread, double duplicateShare, double contrast,
            double flatShare, int minSide) {
        return new double[]{Math.log1p(largestScaleFeatures), Math.log1p(meanFeaturesPerScale), Math.log1p(trackingPoints),
                coverage, spread, duplicateShare, contrast / 64.0, flatShare, Math.log(minSide / 256.0) / Math.log(2),
                largestScaleFeatures >= SATURATED_FEATURES ? 1 : 0, duplicateShare * duplicateShare};
    }

    public static double[] inputs(DetectionFeatures f) {
        return inputs(f.largestScaleFeatures(), f.meanFeaturesPerScale(), f.trackingPoints(), f.coverage(), f.spread(),
                f.duplicateShare(), f.contrast(), f.flatShare(), Math.min(f.width(), f.height()));
    }

    public static double predict(DetectionFeatures f) {
        return predict(inputs(f), f.totalFeatures(), f.trackingPoints());
    }

    /**
     * @return 0 without any feature or tracking point (the runtime cannot match, or cannot hold the target for the
     *         5 warm-up frames before it reports it found), else the model's probability
     */
    public static double predict(double[] inputs, int totalFeatures, int trackingPoints) {
        if (totalFeatures == 0 || trackingPoints == 0) {
            return 0;
        }
        double z = COEFFICIENTS[0];
        for (int i = 0; i < inputs.length; i++) {
            z += COEFFICIENTS[i + 1] * inputs[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** 0..100, monotonic in the prediction. */
    public static int scoreOf(double predictedDetection) {
        return (int) Math.round(100 * predictedDetection);
    }

    public static Verdict verdictOf(double predictedDetection) {
        if (predictedDetection < UNUSABLE_BELOW) {
            return Verdict.UNUSABLE;
        }
        return predictedDetection >= GOOD_FROM ? Verdict.GOOD : Verdict.WEAK;
    }
}
