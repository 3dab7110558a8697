/**
 * Telling the photographed object from its background, for the image-to-3D generator:
 * {@link ObjectSegmenter} takes a cut-out's alpha as it is, and otherwise models the background from the
 * image border (up to three colour clusters, deterministic k-means) and cleans the rest into one solid
 * region with {@link MaskMorphology}; the result is an {@link ObjectMask}. When nothing can be told apart
 * it throws {@link NoObjectFoundException}. Uses {@code raster}; used by {@code mesh} and {@code model3d}.
 */
package app.arv.imaging.segment;
