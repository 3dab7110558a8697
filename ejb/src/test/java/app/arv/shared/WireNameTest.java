package app.arv.shared;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An enum's name on the wire: snake_case in lower case, whatever the server's locale, read back in any case. */
class WireNameTest {

    enum Stage {
        QUEUED, IN_PROGRESS, FAILED
    }

    @Test
    void aConstantIsWrittenInLowerSnakeCase() {
        assertThat(WireName.of(Stage.IN_PROGRESS)).isEqualTo("in_progress");
    }

    @Test
    void aTurkishServerWritesTheSameName() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(WireName.of(Stage.FAILED)).isEqualTo("failed");
            assertThat(WireName.parse(Stage.class, "FAILED")).contains(Stage.FAILED);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aWireNameIsReadInAnyCaseAndAnythingElseIsNoConstant() {
        assertThat(WireName.parse(Stage.class, "In_Progress")).contains(Stage.IN_PROGRESS);
        assertThat(WireName.parse(Stage.class, "in progress")).isEmpty();
        assertThat(WireName.parse(Stage.class, null)).isEmpty();
    }
}
