/**
 * How well the MindAR runtime will find a target, judged from the compiled target itself:
 * {@link QualityAssessor} computes {@link DetectionFeatures}, asks {@link DetectionModel} (a logistic
 * regression calibrated against the real mind-ar 1.2.5 runtime; coefficients, date and corpus in the
 * class) for the chance of detection, and gives a {@link QualityReport} with a {@link Verdict} and reasons
 * that each name a fix. {@code unusable} is only the runtime's hard rule (no feature or no tracking
 * point), because a threshold on the prediction refused photos the runtime found. {@link PrintEnhancer}
 * makes a better print of a weak photo; {@link QualityPicture} draws the report as a picture (the portrait with
 * its matching features, tracking points and a feature-coverage heat map). Uses {@code format} and {@code raster}.
 */
package app.arv.imaging.mind.quality;
