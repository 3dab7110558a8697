package app.arv.persistence.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void englishIsTheFallback() {
        assertThat(Language.fallback()).isEqualTo(Language.ENGLISH);
        assertThat(Language.tags()).containsExactly("en", "ru");
    }

    @Test
    void theConstantsForAnnotationsListExactlyTheTags() {
        assertThat(List.of(Language.TAGS.split("\\|"))).containsExactlyElementsOf(Language.tags());
        assertThat(List.of(Language.TAGS_IN_WORDS.split(", | or "))).containsExactlyElementsOf(Language.tags());
        assertThat(Language.tags()).allMatch(tag -> Pattern.matches(Language.TAGS, tag));
    }

    @Test
    void aTagIsTakenExactlyAsStored() {
        assertThat(Language.ofTag("ru")).contains(Language.RUSSIAN);
        assertThat(Language.ofTag("RU")).isEmpty();
        assertThat(Language.ofTag("ru-RU")).isEmpty();
        assertThat(Language.ofTag("de")).isEmpty();
        assertThat(Language.ofTag(null)).isEmpty();
    }

    @Test
    void nothingStoredOrATagArvDoesNotSpeakGetsTheFallback() {
        assertThat(Language.storedOrFallback("ru")).isEqualTo(Language.RUSSIAN);
        assertThat(Language.storedOrFallback(null)).isEqualTo(Language.ENGLISH);
        assertThat(Language.storedOrFallback("de")).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aReaderGetsTheirLanguageWhateverTheRegion() {
        assertThat(Language.forReader(Locale.forLanguageTag("ru-RU"))).isEqualTo(Language.RUSSIAN);
        assertThat(Language.forReader(Locale.forLanguageTag("RU"))).isEqualTo(Language.RUSSIAN);
        assertThat(Language.forReader(Locale.US)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aReaderOfNoLanguageArvSpeaksGetsTheFallback() {
        assertThat(Language.spokenTo(Locale.GERMAN)).isEmpty();
        assertThat(Language.forReader(Locale.GERMAN)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theRootLocaleHasNoLanguageAndGetsTheFallback() {
        assertThat(Language.spokenTo(Locale.ROOT)).isEmpty();
        assertThat(Language.forReader(Locale.ROOT)).isEqualTo(Language.ENGLISH);
        assertThat(Language.forReader(null)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theFirstPreferredLanguageArvSpeaksIsChosen() {
        assertThat(Language.firstSpokenOf(List.of(Locale.GERMAN, Locale.forLanguageTag("ru-RU"), Locale.ENGLISH)))
                .isEqualTo(Language.RUSSIAN);
        assertThat(Language.firstSpokenOf(List.of(Locale.US, Locale.forLanguageTag("ru")))).isEqualTo(Language.ENGLISH);
        assertThat(Language.firstSpokenOf(List.of(Locale.ROOT, Locale.forLanguageTag("ru")))).isEqualTo(Language.RUSSIAN);
        assertThat(Language.firstSpokenOf(List.of(Locale.GERMAN))).isEqualTo(Language.ENGLISH);
        assertThat(Language.firstSpokenOf(List.of())).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theLocaleOfALanguageIsItsTag() {
        assertThat(Language.RUSSIAN.locale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(Language.ENGLISH.locale()).isEqualTo(Locale.ENGLISH);
    }
}
