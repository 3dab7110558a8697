package app.arv.web.console;

import app.arv.notification.ConsolePages;
import app.arv.notification.OccurrenceType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of notifications and their mails ({@link ConsolePages}, in the services) lead to screens the console has:
 * the console's routes and tabs are read from its scripts, so a route renamed on either side fails here.
 */
class ConsolePagesTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console/js");
    private static final Pattern ROUTE = Pattern.compile("\\{ path: /(.+?)/, screen: (\\w+)");
    private static final Pattern TABS = Pattern.compile("panels=\\$\\{\\{ ([^}]+) }}");

    @Test
    void everyNotificationLinksToAScreenOfTheConsole() throws IOException {
        List<Pattern> routes = routes();

        assertThat(OccurrenceType.values()).allSatisfy(type -> {
            String page = ConsolePages.of(type, UUID.randomUUID());
            assertThat(page).startsWith("/console/#/");
            assertThat(routes).as(type + " → " + page).anyMatch(route -> route.matcher(page.substring("/console/#".length())).matches());
        });
    }

    @Test
    void everyNotificationLinkToATabNamesATabTheScreenHas() throws IOException {
        List<String> settingsTabs = tabs("settings.js");

        assertThat(OccurrenceType.values()).allSatisfy(type -> {
            String page = ConsolePages.of(type, UUID.randomUUID());
            if (page.startsWith("/console/#/settings/")) {
                assertThat(settingsTabs).as(type + " → " + page).contains(page.substring("/console/#/settings/".length()));
            }
        });
    }

    private static List<Pattern> routes() throws IOException {
        List<Pattern> routes = new ArrayList<>();
        Matcher route = ROUTE.matcher(Files.readString(CONSOLE.resolve("main.js")));
        while (route.find()) {
            routes.add(Pattern.compile(route.group(1)));
        }
        assertThat(routes).as("the console's routes").hasSizeGreaterThan(10);
        return routes;
    }

    private static List<String> tabs(String script) throws IOException {
        Matcher panels = TABS.matcher(Files.readString(CONSOLE.resolve(script)));
        assertThat(panels.find()).as("the tabs of " + script).isTrue();
        return Arrays.stream(panels.group(1).split(",")).map(entry -> entry.split(":")[0].strip()).toList();
    }
}
