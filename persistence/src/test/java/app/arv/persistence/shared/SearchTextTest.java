package app.arv.persistence.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void aBlankSearchMatchesEverything() {
        assertThat(SearchText.of("  ")).isEqualTo(SearchText.EVERYTHING);
        assertThat(SearchText.of(null).pattern()).isEqualTo("%");
    }

    @Test
    void whatWasTypedIsLookedForAnywhereIgnoringCaseAndSurroundingSpaces() {
        assertThat(SearchText.of(" Wedding ").pattern()).isEqualTo("%wedding%");
    }

    @Test
    void typedWildcardsMatchOnlyThemselves() {
        assertThat(SearchText.of("50%_off\\").pattern()).isEqualTo("%50\\%\\_off\\\\%");
    }
}
