package app.arv.web.problem;

import app.arv.web.json.JsonbConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem is written with the members it has: {@code quota}, {@code limit} and {@code holding} only when it names one. */
class ProblemJsonTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> written(Problem problem) {
        return JsonbConfiguration.jsonb().fromJson(JsonbConfiguration.jsonb().toJson(problem), Map.class);
    }

    @Test
    void aProblemNamingNoLimitOrQuotaHasNeitherMember() {
        Map<String, Object> written = written(Problem.of(404, "not_found", "No resource at this path", "/api/v1/x", "r1"));

        assertThat(written).doesNotContainKey("limit").doesNotContainKey("quota");
    }

    @Test
    void aProblemNamingALimitHasIt() {
        Map<String, Object> written = written(Problem.of(422, "image_too_large", "Too many pixels", "/api/v1/x", "r1")
                .withLimit("max_pixels", 50_000_000));

        assertThat(written.get("limit")).isEqualTo(Map.of("name", "max_pixels", "value", BigDecimal.valueOf(50_000_000)));
    }

    @Test
    void aProblemNamingWhatHoldsAConnectionCountsEachKindAndLeavesOutTheTimesOfKindsThatHoldNothing() {
        Map<String, Object> written = written(Problem.of(409, "storage_connection_in_use", "In use", "/api/v1/x", "r1")
                .withHolding(new Problem.Holding(0, 2, Instant.parse("2026-12-04T10:00:00Z"), 1, 0, null)));

        assertThat(written.get("holding")).isEqualTo(Map.of("media", BigDecimal.ZERO, "owed_deletions", BigDecimal.valueOf(2),
                "owed_deletions_due_from", "2026-12-04T10:00:00Z", "dead_letters", BigDecimal.ONE, "direct_uploads", BigDecimal.ZERO));
    }

    @Test
    void aProblemNamingNothingThatHoldsAConnectionHasNoHoldingMember() {
        assertThat(written(Problem.of(409, "job_finished", "Finished", "/api/v1/x", "r1"))).doesNotContainKey("holding");
    }

    @Test
    void membersAreWrittenInTheDeclaredOrder() {
        String json = JsonbConfiguration.jsonb().toJson(Problem.of(429, "quota_exceeded", "Used up", "/api/v1/x", "r1")
                .withErrors(List.of(new Problem.FieldError("f", "m"))).withQuota("stored_bytes").withLimit("stored_bytes", 1));

        List<String> order = List.of("\"type\"", "\"title\"", "\"status\"", "\"detail\"", "\"instance\"", "\"code\"",
                "\"request_id\"", "\"errors\"", "\"quota\"", "\"limit\"");
        assertThat(order).allMatch(json::contains);
        assertThat(order.stream().map(json::indexOf).toList()).isSorted();
    }
}
