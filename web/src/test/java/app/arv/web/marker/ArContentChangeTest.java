package app.arv.web.marker;

import app.arv.marker.ContentChange;
import app.arv.web.json.JsonbConfiguration;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PATCH body read as a JSON merge patch: what it names, and only that, is changed; null clears. */
class ArContentChangeTest {

    private final Jsonb jsonb = JsonbConfiguration.jsonb();

    @Test
    void aPropertyGivenAsNullIsNamedWithoutAValue() {
        ContentChange change = jsonb.fromJson("{\"expires_at\": null, \"order_number\": null}", ArContentResource.ArContentChange.class)
                .change();

        assertThat(change.given()).containsExactlyInAnyOrder(ContentChange.Field.EXPIRES_AT, ContentChange.Field.ORDER_NUMBER);
        assertThat(change.details().expiresAt()).isNull();
    }

    @Test
    void anAbsentPropertyIsNotNamed() {
        ContentChange change = jsonb.fromJson("{\"title\": \"Coins\"}", ArContentResource.ArContentChange.class).change();

        assertThat(change.given()).containsExactly(ContentChange.Field.TITLE);
        assertThat(change.details().title()).isEqualTo("Coins");
    }
}
