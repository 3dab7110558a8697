/**
 * The built-in, offline image-to-3D generator behind the {@code local} provider:
 * {@link LocalModelGenerator} turns one photo into one closed, textured GLB and a rendered preview
 * ({@link GeneratedModel}) — segment, inflate, simplify to the face limit, texture with the photo
 * cropped to the object, write. Thread-safe, single-threaded per call and deterministic. Its options
 * are a face limit and a {@link TextureQuality}. Uses {@code input}, {@code segment}, {@code mesh},
 * {@code gltf}, {@code render} and {@code raster}; used by {@code ejb}'s generation.
 */
package app.arv.imaging.model3d;
