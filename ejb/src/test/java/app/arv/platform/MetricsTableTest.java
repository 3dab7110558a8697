package app.arv.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's metrics table is what operators build dashboards and alerts from, so it says what the code counts: a
 * row for every {@link ApplicationMetric}, by the name Prometheus shows, with the description its {@code # HELP} line
 * gives, and no row for a metric that does not exist.
 */
class MetricsTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(arv_[a-z_]+)` \\| (.+?) \\|$", Pattern.MULTILINE);

    private static Map<String, String> rows;

    @BeforeAll
    static void readTheTable() throws IOException {
        String readme = Files.readString(README);
        String table = readme.substring(readme.indexOf("| Metric | What it counts |"));
        table = table.substring(0, table.indexOf("\n\n"));
        rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
    }

    @Test
    void everyMetricHasARowWithItsDescription() {
        Map<String, String> metrics = Arrays.stream(ApplicationMetric.values())
                .collect(Collectors.toMap(ApplicationMetric::prometheusName, ApplicationMetric::description, (a, b) -> a, LinkedHashMap::new));

        assertThat(rows).containsExactlyEntriesOf(metrics);
    }

    @Test
    void prometheusAddsTotalToACounterAndSecondsToATimer() {
        assertThat(ApplicationMetric.LOGINS.prometheusName()).isEqualTo("arv_logins_total");
        assertThat(ApplicationMetric.GENERATION_MILLIS.prometheusName()).isEqualTo("arv_generation_millis_total");
        assertThat(ApplicationMetric.HTTP_REQUEST_DURATION.prometheusName()).isEqualTo("arv_http_request_duration_seconds");
    }
}
