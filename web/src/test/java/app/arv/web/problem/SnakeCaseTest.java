package app.arv.web.problem;

import app.arv.web.json.JsonbConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one naming rule for field errors and the OpenAPI description is the one JSON-B writes the answers with. */
class SnakeCaseTest {

    public record Names(String accessToken, String refreshTokenExpiresAt, long requestsPerMinute, String sha256, String id) {
    }

    @Test
    void aJavaPropertyIsNamedAsJsonBWritesIt() {
        @SuppressWarnings("unchecked")
        Map<String, Object> written = JsonbConfiguration.jsonb().fromJson(JsonbConfiguration.jsonb().toJson(new Names("a", "b", 1, "c", "d")),
                Map.class);

        List<String> named = List.of("accessToken", "refreshTokenExpiresAt", "requestsPerMinute", "sha256", "id").stream()
                .map(ConstraintViolationMapper::snakeCase).toList();

        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(named);
    }

    /** A server started under a Turkish default locale lower-cases "I" to a dotless "ı"; field names stay ASCII. */
    @Test
    void aPropertyIsNamedTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(ConstraintViolationMapper.snakeCase("mediaIds")).isEqualTo("media_ids");
            assertThat(ConstraintViolationMapper.snakeCase("ID")).isEqualTo("id");
        } finally {
            Locale.setDefault(before);
        }
    }
}
