package app.arv.web.json;

import app.arv.generation.JobEvent;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import app.arv.web.generation.GenerationView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnakeCaseEnumTest {

    private final Jsonb jsonb = new JsonbConfiguration().getContext(Object.class);

    /** A request field bound to the adapter. */
    public static class Ordered {
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public GenerationPriority priority;
    }

    /** Request fields of enums the API writes in capitals, bound to the adapter for reading only. */
    public static class Keyed {
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public Role role;

        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public ApiKeyScope scope;
    }

    @Test
    void aConstantIsNamedInLowerCaseWithItsUnderscores() {
        assertThat(SnakeCaseEnum.name(GenerationStatus.PROCESSING)).isEqualTo("processing");
        assertThat(SnakeCaseEnum.name(JobEvent.Type.ITEM_COMPLETED)).isEqualTo("item_completed");
    }

    @Test
    void theApiNameParsesInAnyCase() {
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "hd")).contains(TextureQuality.HD);
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "HD")).contains(TextureQuality.HD);
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "Hd")).contains(TextureQuality.HD);
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "ultra")).isEmpty();
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, " hd")).isEmpty();
    }

    @Test
    void aBoundCapitalsFieldReadsAnyCaseAndIsStillWrittenInCapitals() {
        Keyed lower = jsonb.fromJson("{\"role\":\"member\",\"scope\":\"user\"}", Keyed.class);
        Keyed upper = jsonb.fromJson("{\"role\":\"MEMBER\",\"scope\":\"USER\"}", Keyed.class);

        assertThat(lower.role).isEqualTo(Role.MEMBER).isEqualTo(upper.role);
        assertThat(lower.scope).isEqualTo(ApiKeyScope.USER).isEqualTo(upper.scope);
        assertThat(jsonb.toJson(lower)).contains("\"role\":\"MEMBER\"", "\"scope\":\"USER\"");
    }

    @Test
    void aViewWritesItsEnumsInSnakeCase() {
        GenerationJob job = new GenerationJob(UUID.randomUUID(), null, "local", GenerationPriority.HIGH,
                new GenerationOptions(2000, TextureQuality.NONE), 1);

        String json = jsonb.toJson(GenerationView.summary(job));

        assertThat(json).contains("\"status\":\"queued\"", "\"priority\":\"high\"", "\"texture\":\"none\"", "\"face_limit\":2000");
    }

    @Test
    void aBoundFieldReadsTheApiName() {
        Ordered ordered = jsonb.fromJson("{\"priority\":\"low\"}", Ordered.class);

        assertThat(ordered.priority).isEqualTo(GenerationPriority.LOW);
    }

    @Test
    void aBoundFieldRefusesAnUnknownName() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"priority\":\"urgent\"}", Ordered.class))
                .hasRootCauseInstanceOf(InputRefused.class).rootCause().hasMessageContaining("high, normal, low");
    }

    @Test
    void aBoundFieldRefusesANumber() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"priority\":1}", Ordered.class)).hasRootCauseInstanceOf(InputRefused.class);
    }
}
