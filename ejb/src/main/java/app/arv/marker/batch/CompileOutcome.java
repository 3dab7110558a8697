package app.arv.marker.batch;

import java.io.Serializable;
import java.util.UUID;

/**
 * What compiling one item produced: the {@code .mind} bytes and the report, or why the image cannot
 * be a marker (with the report when the compiler got that far).
 */
public record CompileOutcome(UUID contentId, byte[] mind, int width, int height, Integer score, String verdict,
        String qualityJson, String failure) implements Serializable {

    public static CompileOutcome ready(UUID contentId, byte[] mind, int width, int height, int score, String verdict,
            String qualityJson) {
        return new CompileOutcome(contentId, mind, width, height, score, verdict, qualityJson, null);
    }

    public static CompileOutcome failed(UUID contentId, String failure, Integer score, String verdict, String qualityJson) {
        return new CompileOutcome(contentId, null, 0, 0, score, verdict, qualityJson, failure);
    }

    public boolean isReady() { return failure == null; }
}
