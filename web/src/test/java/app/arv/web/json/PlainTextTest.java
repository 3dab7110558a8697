package app.arv.web.json;

import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextTest {

    private final Jsonb jsonb = new JsonbConfiguration().getContext(Named.class);

    @Test
    void ordinaryTextInAnyScriptIsRead() {
        Named named = jsonb.fromJson("{\"name\":\"Портрет 😀\\tline\\nbreak\"}", Named.class);

        assertThat(named.name).isEqualTo("Портрет 😀\tline\nbreak");
    }

    @Test
    void anExplicitNullIsReadAsNull() {
        Named named = jsonb.fromJson("{\"name\":null}", Named.class);

        assertThat(named.name).isNull();
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"a\\u0000b\"}", Named.class))
                .hasRootCauseInstanceOf(PlainText.Refused.class).rootCause().hasMessageContaining("U+0000");
    }

    @Test
    void anEscapeSequenceForTerminalsIsRefused() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"\\u001b[31mred\"}", Named.class))
                .hasRootCauseInstanceOf(PlainText.Refused.class);
    }

    @Test
    void aC1ControlCharacterIsRefused() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"next\\u0085line\"}", Named.class))
                .hasRootCauseInstanceOf(PlainText.Refused.class);
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"half\\ud800\"}", Named.class))
                .hasRootCauseInstanceOf(PlainText.Refused.class).rootCause().hasMessageContaining("surrogate");
    }

    @Test
    void stringsInsideListsAreCheckedToo() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"tags\":[\"ok\",\"b\\u0007ell\"]}", Named.class))
                .hasRootCauseInstanceOf(PlainText.Refused.class);
    }

    public static class Named {
        public String name;
        public java.util.List<String> tags;
    }
}
