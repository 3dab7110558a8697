package app.arv.imaging.model3d;

/**
 * A generated model: the GLB file ({@value #GLB_MEDIA_TYPE}), a PNG preview (the model rendered in a
 * three-quarter view, lit, on a light grey background, {@value app.arv.imaging.render.ModelPreview#SIZE} px square) and figures about it.
 */
public record GeneratedModel(byte[] glb, byte[] previewPng, GenerationStats stats) {

    public static final String GLB_MEDIA_TYPE = "model/gltf-binary";
    public static final String PREVIEW_MEDIA_TYPE = "image/png";
}
