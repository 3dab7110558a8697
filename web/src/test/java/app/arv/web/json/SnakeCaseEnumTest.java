package app.arv.web.json;

import app.arv.generation.JobEvent;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
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

    @Test
    void aConstantIsNamedInLowerCaseWithItsUnderscores() {
        assertThat(SnakeCaseEnum.name(GenerationStatus.PROCESSING)).isEqualTo("processing");
        assertThat(SnakeCaseEnum.name(JobEvent.Type.ITEM_COMPLETED)).isEqualTo("item_completed");
    }

    @Test
    void onlyTheExactApiNameParses() {
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "hd")).contains(TextureQuality.HD);
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "HD")).isEmpty();
        assertThat(SnakeCaseEnum.parse(TextureQuality.class, "ultra")).isEmpty();
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
                .rootCause().hasMessageContaining("high, normal, low");
    }
}
