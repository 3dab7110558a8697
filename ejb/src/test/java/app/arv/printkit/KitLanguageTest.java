package app.arv.printkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class KitLanguageTest {

    @Test
    void aRequestedLanguageWinsOverTheAcceptedOnes() {
        assertThat(KitLanguage.choose("ru", List.of(Locale.ENGLISH))).isEqualTo(KitLanguage.RU);
    }

    @Test
    void withoutARequestTheFirstAcceptedLanguageArvHasIsChosen() {
        assertThat(KitLanguage.choose(null, List.of(Locale.GERMAN, Locale.forLanguageTag("ru-RU"), Locale.ENGLISH)))
                .isEqualTo(KitLanguage.RU);
    }

    @Test
    void anUnsupportedRequestFallsBackToTheAcceptedLanguages() {
        assertThat(KitLanguage.choose("de", List.of(Locale.forLanguageTag("ru")))).isEqualTo(KitLanguage.RU);
    }

    @Test
    void englishWhenNothingElseMatches() {
        assertThat(KitLanguage.choose(null, List.of(Locale.FRENCH))).isEqualTo(KitLanguage.EN);
        assertThat(KitLanguage.choose(null, List.of())).isEqualTo(KitLanguage.EN);
    }
}
