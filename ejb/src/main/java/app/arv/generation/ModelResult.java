package app.arv.generation;

/** A provider's output: the binary glTF and, when the provider makes one, a preview image. */
public record ModelResult(byte[] glb, byte[] preview, String previewMediaType) {

    public static final String GLB_MEDIA_TYPE = "model/gltf-binary";
}
