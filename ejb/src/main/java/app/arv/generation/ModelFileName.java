package app.arv.generation;

/**
 * What a generated model's files are called, after the image it was made from: {@code horse.jpg} gives {@code horse.glb},
 * its preview {@code horse-preview.png} and its USDZ ({@link UsdzModels}) {@code horse.usdz} (named as its GLB, so
 * {@code horse.glb} gives {@code horse.usdz} too). A name that is missing or blank gives {@code model}. The one rule for
 * the worker that stores the files and the web layer that sends them; a job's ZIP names its entries by
 * {@link ArchiveNames}.
 *
 * @param stem the name without its extension
 */
public record ModelFileName(String stem) {

    /** @param name a source image's or a model's file name, {@code null} when there is none */
    public static ModelFileName of(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return new ModelFileName(name == null || name.isBlank() ? "model" : dot > 0 ? name.substring(0, dot) : name);
    }

    public String glb() {
        return stem + ".glb";
    }

    public String usdz() {
        return stem + ".usdz";
    }

    /** @param previewMediaType a PNG rendered here, or the provider's own picture (FAL's is WebP) */
    public String preview(String previewMediaType) {
        return stem + "-preview" + switch (previewMediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/jpeg" -> ".jpg";
            default -> "";
        };
    }
}
