package app.arv.idempotency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BodyFingerprintTest {

    @Test
    void theSameMultipartFormWithAnotherBoundaryHasTheSameFingerprint() throws IOException {
        byte[] first = form("----abc123");
        byte[] second = form("XyZ-987654321");

        assertThat(sha(first, "multipart/form-data; boundary=----abc123"))
                .isEqualTo(sha(second, "multipart/form-data; boundary=\"XyZ-987654321\""));
    }

    @Test
    void multipartFormsWithDifferentContentHaveDifferentFingerprints() throws IOException {
        byte[] form = form("b1");
        byte[] other = new String(form, StandardCharsets.ISO_8859_1).replace("Chelsea", "Chelsey").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(sha(form, "multipart/form-data; boundary=b1")).isNotEqualTo(sha(other, "multipart/form-data; boundary=b1"));
    }

    @Test
    void boundaryNormalizationEqualsReplacingEveryDelimiterInTheWholeBody() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            String boundary = "ab".repeat(1 + random.nextInt(3)) + "a";
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                int pick = random.nextInt(10);
                body.append(pick < 2 ? "--" + boundary : pick < 6 ? "a" : pick < 8 ? "b" : "-");
            }
            String expected = body.toString().replace("--" + boundary, "--<boundary>");
            byte[] bytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);

            assertThat(sha(bytes, "multipart/form-data; boundary=" + boundary))
                    .as(body.toString()).isEqualTo(plainSha(expected.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    @Test
    void aJsonBodyIsHashedAsItIs() throws IOException {
        byte[] json = "{\"media_ids\":[\"--x\"]}".getBytes(StandardCharsets.UTF_8);

        assertThat(sha(json, "application/json")).isEqualTo(plainSha(json));
    }

    @Test
    void aBodyNotReadToItsEndIsNotEnded() throws IOException {
        FingerprintedBody body = new FingerprintedBody(new ByteArrayInputStream(new byte[100_000]), "application/json");

        boolean whole = body.readToEnd(10_000);

        assertThat(whole).isFalse();
    }

    private static byte[] form(String boundary) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nChelsea\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"c.png\"\r\n\r\n\u0089PNG----abc12"
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha(byte[] bytes, String contentType) throws IOException {
        FingerprintedBody body = new FingerprintedBody(new ByteArrayInputStream(bytes), contentType);
        byte[] buffer = new byte[7];
        while (body.read(buffer, 0, buffer.length) >= 0) {
            // odd chunk size: delimiters straddle reads
        }
        assertThat(body.ended()).isTrue();
        return body.sha256();
    }

    private static byte[] plainSha(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
