package app.arv.web.marker;

import app.arv.marker.ContentChange;
import app.arv.web.json.JsonbConfiguration;
import app.arv.web.json.MergePatch;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A PATCH body read as a JSON merge patch: what it names, and only that, is changed; null clears. */
class ArContentChangeTest {

    private final Jsonb jsonb = JsonbConfiguration.jsonb();

    @Test
    void aPropertyGivenAsNullIsNamedWithoutAValue() {
        ContentChange change = MergePatch.read(jsonb, "{\"expires_at\": null, \"order_number\": null}", ArContentResource.ArContentChange.class)
                .change();

        assertThat(change.given()).containsExactlyInAnyOrder(ContentChange.Field.EXPIRES_AT, ContentChange.Field.ORDER_NUMBER);
        assertThat(change.details().expiresAt()).isNull();
    }

    @Test
    void anAbsentPropertyIsNotNamed() {
        ContentChange change = MergePatch.read(jsonb, "{\"title\": \"Coins\"}", ArContentResource.ArContentChange.class).change();

        assertThat(change.given()).containsExactly(ContentChange.Field.TITLE);
        assertThat(change.details().title()).isEqualTo("Coins");
    }

    @Test
    void everyFieldIsNamedByItsMember() {
        for (ContentChange.Field field : ContentChange.Field.values()) {
            String member = field.name().toLowerCase(Locale.ROOT);
            ContentChange change = MergePatch.read(jsonb, "{\"" + member + "\": null}", ArContentResource.ArContentChange.class)
                    .change();

            assertThat(change.given()).as(member).containsExactly(field);
        }
    }
}
