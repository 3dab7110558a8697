package app.arv.imaging.model3d;

/**
 * A generated model: the GLB file ({@value #GLB_MEDIA_TYPE}), a PNG preview (the photo cut out along the found
 * outline, transparent elsewhere, long side at most 512 px) and figures about it.
 */
public record GeneratedModel(byte[] glb, byte[] previewPng, GenerationStats stats) {

    public static final String GLB_MEDIA_TYPE = "model/gltf-binary";
    public static final String PREVIEW_MEDIA_TYPE = "image/png";
}
