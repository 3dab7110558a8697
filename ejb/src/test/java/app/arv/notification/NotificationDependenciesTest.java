package app.arv.notification;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features depend on notification, never the other way: each feature builds its own occurrences in its own package, so
 * a new feature adds its payloads without editing this one. Checked over this package's sources (the build runs the
 * tests from {@code ejb/}).
 */
class NotificationDependenciesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "app", "arv", "notification");
    /** What the package-info says notification may use, besides itself. */
    private static final Set<String> MAY_USE = Set.of("notification", "persistence", "mail", "events", "security", "platform", "shared");
    private static final Pattern ARV_IMPORT = Pattern.compile("^import (?:static )?app\\.arv\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void notificationUsesNoFeaturePackage() throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher imported = ARV_IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    if (!MAY_USE.contains(imported.group(1))) {
                        used.add(file.getFileName() + ": app.arv." + imported.group(1));
                    }
                }
            }
        }

        assertThat(used).as("feature packages imported by app.arv.notification").isEmpty();
    }
}
