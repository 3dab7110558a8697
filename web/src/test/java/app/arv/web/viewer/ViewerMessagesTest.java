package app.arv.web.viewer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's one dictionary ({@code /ar/messages.json}): what the friendly pages and viewer.js say, in each language. */
class ViewerMessagesTest {

    private static final Path MESSAGES = Path.of("src/main/webapp" + ViewerMessages.PATH);

    @Test
    void everyLanguageSaysEveryMessageAndEveryPhaseHasATitleAndAText() throws IOException {
        JsonObject languages;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(MESSAGES))) {
            languages = reader.readObject();
        }
        JsonObject english = languages.getJsonObject("en");

        assertThat(languages.keySet()).containsExactlyInAnyOrderElementsOf(ViewerMessages.LANGUAGES);
        assertThat(ViewerMessages.LANGUAGES).allSatisfy(language -> {
            JsonObject messages = languages.getJsonObject(language);
            assertThat(messages.keySet()).as(language).containsExactlyInAnyOrderElementsOf(english.keySet());
            messages.forEach((key, message) -> {
                if (message.getValueType() == JsonValue.ValueType.OBJECT) {
                    assertThat(message.asJsonObject().keySet()).as(language + " " + key).containsExactlyInAnyOrder("title", "text");
                }
            });
        });
    }

    @Test
    void thePageOverTheLimitSaysHowManySecondsToWait() throws IOException {
        ViewerMessages messages = messages();

        assertThat(messages.title("en", "rate-limited")).isEqualTo("Too many scans from this network");
        assertThat(messages.text("en", "rate-limited", Map.of("seconds", 42L))).isEqualTo("Please wait 42 seconds and reload the page.");
        assertThat(messages.text("ru", "rate-limited", Map.of("seconds", 42L))).isEqualTo("Подождите 42 с и перезагрузите страницу.");
    }

    @Test
    void theFirstOfTheVisitorsLanguagesTheViewerSpeaksIsChosen() {
        assertThat(languageOf(Locale.GERMAN, Locale.forLanguageTag("ru-RU"), Locale.ENGLISH)).isEqualTo("ru");
        assertThat(languageOf(Locale.US, Locale.forLanguageTag("ru"))).isEqualTo("en");
        assertThat(languageOf(Locale.FRENCH)).isEqualTo("en");
    }

    private static String languageOf(Locale... accepted) {
        return ViewerMessages.languageOf(Collections.enumeration(List.of(accepted)));
    }

    private static ViewerMessages messages() throws IOException {
        try (InputStream json = Files.newInputStream(MESSAGES)) {
            return ViewerMessages.read(json);
        }
    }
}
