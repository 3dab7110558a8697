/**
 * USDZ for iOS's AR Quick Look: {@link UsdzWriter} turns a GLB (the generator's own or a provider's, read by
 * {@code render}'s {@link app.arv.imaging.render.GlbScene} with its caps and bounds checks) into a USDZ — an
 * uncompressed zip whose first entry is one USDA text layer (a mesh per surface: points, triangles, normals,
 * {@code st} UVs with glTF's v turned over, a UsdPreviewSurface material with glTF's alpha mode as its opacity) followed
 * by the base colour textures — the GLB's own JPEG and PNG files byte for byte when they are the pixels as decoded,
 * re-encoded upright and at most 2048 px on a side (AR Quick Look's texture size) when an EXIF orientation turns them or
 * they are larger, another format re-encoded as PNG —
 * every entry's data on a 64-byte boundary, in metres with Y up as glTF. What it cannot convert it refuses
 * with {@link RefusedModelException}, never a broken file. Uses {@code render}, {@code input} and {@code raster};
 * used by {@code ejb}'s generation downloads.
 */
package app.arv.imaging.usdz;
