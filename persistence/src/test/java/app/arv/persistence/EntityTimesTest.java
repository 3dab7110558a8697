package app.arv.persistence;

import app.arv.persistence.shared.AuditedEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every time an entity keeps is set through {@link AuditedEntity#now} or {@link AuditedEntity#stored}, so it holds what
 * PostgreSQL stores (microseconds): a field set to a caller's {@code Instant.now()} as it is would answer nanoseconds now
 * and other digits once read back (an API key's last use, a notification's reading). Checked over the entities' sources:
 * an assignment to an {@code Instant} field must go through that rule, be {@code null}, or copy another such field.
 */
class EntityTimesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern MAPPED = Pattern.compile("^@(Entity|MappedSuperclass|Embeddable)\\b", Pattern.MULTILINE);
    private static final Pattern TIME_FIELD = Pattern.compile("\\bInstant\\s+(\\w+)\\s*;");
    /** {@code field = value;} or {@code this.field = value;}, not a comparison; the value may span lines. */
    private static final String ASSIGNMENT = "(?<![\\w.])(?:this\\.)?%s\\s*=(?!=)\\s*([^;]*);";
    private static final Pattern THE_RULE = Pattern.compile("\\bAuditedEntity\\.(now\\(\\)|stored\\()|^(now\\(\\)|stored\\()");

    private static final Map<Path, String> ENTITIES = new TreeMap<>();

    @BeforeAll
    static void readEntities() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (MAPPED.matcher(source).find()) {
                    ENTITIES.put(SOURCES.relativize(file), source);
                }
            }
        }
    }

    @Test
    void theEntitiesAreFound() {
        assertThat(ENTITIES.keySet()).hasSizeGreaterThan(25).contains(Path.of("app", "arv", "persistence", "identity", "ApiKey.java"));
    }

    @Test
    void everyTimeAnEntityKeepsIsSetAsPostgreSqlStoresIt() {
        List<String> raw = new ArrayList<>();
        ENTITIES.forEach((file, source) -> {
            Set<String> fields = TIME_FIELD.matcher(source).results().map(m -> m.group(1)).collect(Collectors.toSet());
            for (String field : fields) {
                Matcher assignment = Pattern.compile(String.format(ASSIGNMENT, field)).matcher(source);
                while (assignment.find()) {
                    String value = assignment.group(1).strip();
                    if (!value.equals("null") && !fields.contains(value) && !THE_RULE.matcher(value).find()) {
                        raw.add(file + ": " + field + " = " + value);
                    }
                }
            }
        });

        assertThat(raw).as("entity times set without AuditedEntity.now()/stored()").isEmpty();
    }
}
