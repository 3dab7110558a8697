package app.arv.web.request;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's policy allows model-viewer's template style by hash: the hash must be that of the bundle the build serves. */
class ConsolePolicyTest {

    /** Unpacked by the build (web/pom.xml, execution model-viewer) before the tests run. */
    private static final Path MODEL_VIEWER = Path.of("target/console-vendor/model-viewer/dist/model-viewer.min.js");

    @Test
    void theAllowedStyleHashIsThatOfTheBundledModelViewersTemplateStyle() throws IOException, NoSuchAlgorithmException {
        String bundle = Files.readString(MODEL_VIEWER, StandardCharsets.UTF_8);
        int start = bundle.indexOf("<style>") + "<style>".length();
        String style = bundle.substring(start, bundle.indexOf("</style>", start));

        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

        assertThat(bundle.indexOf("<style>", start)).as("a second <style> in the bundle").isEqualTo(-1);
        assertThat(SecurityHeaders.MODEL_VIEWER_STYLE).isEqualTo("'sha256-" + hash + "'");
        assertThat(SecurityHeaders.CONSOLE_POLICY).contains(SecurityHeaders.MODEL_VIEWER_STYLE);
    }
}
