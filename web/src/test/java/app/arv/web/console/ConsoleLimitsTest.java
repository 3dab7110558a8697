package app.arv.web.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's forms read the server's limits ({@code GET /auth/limits}: ARV_PASSWORD_MIN_LENGTH and a password's most
 * bytes, ARV_MEDIA_MAX_FILES, ARV_MEDIA_ALLOWED_TYPES) instead of holding copies a changed setting would leave behind: its scripts are searched for
 * the copies there were. One IT server cannot run with a second configuration, so this guard stands in for a journey.
 */
class ConsoleLimitsTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console/js");

    @Test
    void noFormHoldsItsOwnPasswordLength() throws IOException {
        assertThat(linesMatching(Pattern.compile("minlength=\"\\d+\""))).isEmpty();
    }

    @Test
    void noScriptHoldsItsOwnListOfImageTypes() throws IOException {
        assertThat(linesMatching(Pattern.compile("image/jpeg|image/webp"))).isEmpty();
    }

    @Test
    void noScriptHoldsItsOwnNumberOfFiles() throws IOException {
        assertThat(linesMatching(Pattern.compile("(?i)max_?files\\s*=\\s*\\d"))).isEmpty();
    }

    @Test
    void everyFieldWhereANewPasswordIsChosenTakesTheServersPasswordRule() throws IOException {
        Map<String, List<String>> fields = linesMatching(Pattern.compile("<input name=\"\\w*password\"[^>]*autocomplete=\"new-password\""));

        assertThat(fields.keySet()).as("the scripts with such a field").contains("main.js", "settings.js", "platform.js", "account.js");
        fields.forEach((script, lines) -> assertThat(lines).as(script).allMatch(line -> line.contains("...${newPasswordRules(limits)}")));
    }

    @Test
    void noTextOfTheConsoleNamesItsOwnImageTypes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/console/i18n"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllLines(file)).as(file.getFileName().toString())
                        .noneMatch(line -> Pattern.compile("JPEG|PNG|WebP").matcher(line).find());
            }
        }
    }

    @Test
    void theFormsAskTheServerForItsLimits() throws IOException {
        assertThat(linesMatching(Pattern.compile("useLimits\\(\\)")).keySet())
                .contains("generations.js", "projects.js", "settings.js", "main.js");
    }

    /** Each script's lines that match, by script name. */
    private static Map<String, List<String>> linesMatching(Pattern copy) throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> scripts = Files.list(CONSOLE)) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                List<String> lines = Files.readAllLines(script).stream().filter(line -> copy.matcher(line).find()).toList();
                if (!lines.isEmpty()) {
                    found.put(script.getFileName().toString(), lines);
                }
            }
        }
        return found;
    }
}
