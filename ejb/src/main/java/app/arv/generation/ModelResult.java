package app.arv.generation;

import app.arv.media.SpooledFile;

/**
 * A provider's output: the binary glTF and, when the provider makes one, a preview image. The GLB is in memory
 * ({@code glb}: the local generator's, a few megabytes) or in a spooled file ({@code glbFile}: a download from a paid
 * provider, up to {@code arv.fal.max-download-bytes}, never held in the heap whole); the other one is null. Whoever
 * takes the result {@link #close}s it once the model is stored (or not).
 */
public record ModelResult(byte[] glb, SpooledFile glbFile, byte[] preview, String previewMediaType) implements AutoCloseable {

    public static final String GLB_MEDIA_TYPE = "model/gltf-binary";

    public ModelResult {
        if ((glb == null) == (glbFile == null)) {
            throw new IllegalArgumentException("a model result has its GLB either in memory or in a file");
        }
    }

    /** A GLB made in memory. */
    public ModelResult(byte[] glb, byte[] preview, String previewMediaType) {
        this(glb, null, preview, previewMediaType);
    }

    /** A GLB downloaded to a spooled file. */
    public static ModelResult inFile(SpooledFile glb, byte[] preview, String previewMediaType) {
        return new ModelResult(null, glb, preview, previewMediaType);
    }

    /** Deletes the spooled GLB, if any (a local store may have moved it already). */
    @Override
    public void close() {
        if (glbFile != null) {
            glbFile.close();
        }
    }
}
