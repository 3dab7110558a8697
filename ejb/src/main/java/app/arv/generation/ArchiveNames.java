package app.arv.generation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The names a job's files take inside its ZIP: {@code NN-<source name>.glb} and {@code previews/NN-<source name>.<type>},
 * NN the item's position (unique within the job, so no two entries collide). The source's name keeps its letters in any
 * script ({@code фото.jpg} gives {@code 01-фото.glb}; ZIP names are UTF-8), with the combining marks of Devanagari or Thai
 * and of a decomposed {@code é} (as macOS names files; composed first, NFC), and loses whatever could leave the folder
 * or confuse an unpacker (separators, dots leading nowhere, control characters).
 */
final class ArchiveNames {

    private static final int MAX_BASE = 100;

    private ArchiveNames() {
    }

    /** @param sourceName the source image's original name, {@code null} when the source is gone */
    static String model(int position, String sourceName) {
        return stem(position, sourceName) + ".glb";
    }

    /** @param previewType the preview's media type: a PNG rendered here, or the provider's own picture (FAL's is WebP) */
    static String preview(int position, String sourceName, String previewType) {
        return "previews/" + stem(position, sourceName) + "." + extensionOf(previewType);
    }

    private static String stem(int position, String sourceName) {
        return String.format(Locale.ROOT, "%02d-%s", position + 1, base(sourceName));
    }

    private static String base(String sourceName) {
        if (sourceName == null) {
            return "model";
        }
        String name = Normalizer.normalize(sourceName, Normalizer.Form.NFC);
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^\\p{L}\\p{M}\\p{N}._-]", "_")
                .replaceAll("^[._]+", "");
        if (base.codePointCount(0, base.length()) > MAX_BASE) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_BASE));
        }
        return base.isEmpty() ? "model" : base;
    }

    private static String extensionOf(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "image/webp" -> "webp";
            case "image/jpeg" -> "jpg";
            default -> "png";
        };
    }
}
