package app.arv.web.json;

import app.arv.shared.DomainException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    @Test
    void utf8InAnyScriptPassesUnchanged() throws Exception {
        byte[] body = "{\"name\":\"Портрет 😀\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonBody.checked(new ByteArrayInputStream(body))).isEqualTo(body);
    }

    @Test
    void bytesThatAreNotUtf8AreAMalformedBody() {
        byte[] latin1 = "{\"name\":\"café\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> JsonBody.checked(new ByteArrayInputStream(latin1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("malformed_body");
                });
    }

    @Test
    void aBodyPastTheLimitIsRefusedWithoutReadingItAll() {
        byte[] huge = new byte[JsonBody.MAX_BYTES + 10];

        assertThatThrownBy(() -> JsonBody.checked(new ByteArrayInputStream(huge)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void jsonIsRecognisedInAnyCaseAndUnderAnyTopLevelType() {
        assertThat(JsonBody.isJson(new MediaType("Application", "JSON"))).isTrue();
        assertThat(JsonBody.isJson(new MediaType("application", "Merge-Patch+Json"))).isTrue();
        assertThat(JsonBody.isJson(new MediaType("text", "json"))).isTrue();
        assertThat(JsonBody.isJson(new MediaType("text", "plain"))).isFalse();
    }
}
