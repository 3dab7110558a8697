/**
 * mind-ar 1.2.5's matching-feature detector for one keyframe ({@link FeatureDetector}): a Gaussian/DoG
 * pyramid, DoG extrema pruned to at most 500 per keyframe by a 10x10 bucket grid, one Newton step of
 * sub-pixel refinement, a dominant orientation and a 666-bit FREAK descriptor each. Every stage works on
 * float32 planes and rounds where the reference's tensors do; that is what makes our files byte-identical,
 * so change nothing here without the golden-file tests. Uses {@code raster} and {@code format}; used by
 * {@link app.arv.imaging.mind.MindTargetCompiler}.
 */
package app.arv.imaging.mind.detect;
