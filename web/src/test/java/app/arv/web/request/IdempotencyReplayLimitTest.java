package app.arv.web.request;

import app.arv.media.UploadRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How far a replay reads a body to compare it: as far as the request limit the server holds uploads to (one IT server cannot show a second setting). */
class IdempotencyReplayLimitTest {

    private static final List<String> TYPES = List.of("image/png");

    @Test
    void aReplayReadsAsFarAsTheConfiguredRequestLimit() {
        UploadRules rules = new UploadRules(10L << 20, 25, 50_000_000, 400L << 20, TYPES);

        assertThat(IdempotencyFilter.longestAnswerable(rules)).isEqualTo(400L << 20);
    }

    @Test
    void aReplayReadsNoFurtherThanASmallerConfiguredRequestLimit() {
        UploadRules rules = new UploadRules(10L << 20, 25, 50_000_000, 64L << 20, TYPES);

        assertThat(IdempotencyFilter.longestAnswerable(rules)).isEqualTo(64L << 20);
    }

    @Test
    void withoutASettingAReplayReadsAsFarAsTheDefaultRequestLimit() {
        UploadRules rules = new UploadRules(10L << 20, 25, 50_000_000, 0, TYPES);

        assertThat(IdempotencyFilter.longestAnswerable(rules)).isEqualTo(rules.maxRequestBytes());
    }
}
