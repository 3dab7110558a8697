/**
 * The MindAR image-target compiler: {@link MindTargetCompiler} turns grey images into targets of the
 * {@code .mind} format v2 read by the mind-ar 1.2.x runtime, following mind-ar 1.2.5's own compiler stage
 * by stage (float32 rounding points and evaluation order included), so its output is byte-identical for
 * images of at least 256 px on the short side. Each keyframe and tracking image is a task on the
 * caller's executor; the output never depends on scheduling. A {@link CompiledTarget} carries the quality
 * report; {@link PrintSuggester} offers an enhanced print of a weak photo.
 *
 * <p>The stages live in the sub-packages: {@code detect} (feature points and descriptors), {@code cluster}
 * (matching trees), {@code track} (tracking points), {@code format} (the file itself) and {@code quality}
 * (the verdict). The format and the reference algorithm are summarised in {@code imaging/README.md}.
 */
package app.arv.imaging.mind;
