package app.arv.web.console;

import app.arv.persistence.identity.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is plain scripts with no build, so it keeps its own copy of the languages ARV speaks ({@link Language}, the
 * server's one list, which validates a person's and an invitation's language and picks the mails'): its language files,
 * the languages it accepts as a remembered choice, and those the invitation form offers. Each copy is read here and
 * compared with the server's, so a language added or dropped on one side fails here, not as a refused form (400) or a
 * console without its texts.
 */
class ConsoleLanguagesTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console");

    @Test
    void theConsoleHasALanguageFileForEveryLanguageArvSpeaksAndNoOther() throws IOException {
        Set<String> files;
        try (Stream<Path> listed = Files.list(CONSOLE.resolve("i18n"))) {
            files = listed.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(Language.tags());
    }

    @Test
    void aRememberedChoiceIsKeptForEveryLanguageArvSpeaks() throws IOException {
        assertThat(foundIn("js/core.js", Pattern.compile("chosen === '([a-z-]+)'"))).containsExactlyInAnyOrderElementsOf(Language.tags());
    }

    @Test
    void theInvitationFormOffersEveryLanguageArvSpeaks() throws IOException {
        String select = foundIn("js/settings.js", Pattern.compile("<select name=\"locale\"[^>]*>(.*?)</select>")).iterator().next();

        assertThat(found(select, Pattern.compile("<option value=\"([a-z-]+)\">"))).containsExactlyInAnyOrderElementsOf(Language.tags());
    }

    private static Set<String> foundIn(String script, Pattern pattern) throws IOException {
        return found(Files.readString(CONSOLE.resolve(script)), pattern);
    }

    /** What the pattern's group caught, each time it matched (at least once). */
    private static Set<String> found(String text, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found).as("matches of " + pattern).isNotEmpty();
        return found;
    }
}
