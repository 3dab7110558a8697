/**
 * Pictures of 3D models without a GPU: {@link ModelPreview} renders a {@link Scene} (vertices with normals and
 * texture coordinates, surfaces with a base colour and an optional texture) in a three-quarter view, lit by a
 * key, a fill and an ambient light ({@link Lighting}), on a light grey {@link Backdrop}, anti-aliased by
 * supersampling, and encodes it as PNG. {@link Camera} frames the model and projects; {@link Rasterizer} is a
 * small z-buffered scan converter with back-face culling and perspective-correct interpolation. Deterministic:
 * the same scene gives the same bytes. A scene comes from the generator's in-memory GLB model
 * ({@link Scene#of}) or from any GLB file ({@link GlbScene}, e.g. a remote provider's). Uses {@code raster},
 * {@code input} (texture decoding), {@code mesh} (normals a model lacks) and {@code gltf}'s model; used by {@code model3d} for the generator's previews.
 */
package app.arv.imaging.render;
