package app.arv.web.it;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** The platform admin's overrides of one organization's request limits and quotas, for tests that need low ones. */
final class Limits {

    private Limits() {
    }

    /** Replaces the organization's overrides with these (snake_case field -> value); the rest are the suite's defaults. */
    static void set(UUID organizationId, Map<String, Object> overrides) {
        Api.bearer(Api.reusedPlatformAdminToken()).body(new HashMap<>(overrides))
                .put("/organizations/" + organizationId + "/quotas").then().statusCode(200)
                .body("organization_id", equalTo(organizationId.toString()));
    }

    /**
     * Waits, if needed, until a minute window has at least {@code seconds} left: a test counting against a
     * per-minute limit must not see the window reset half-way (windows start at :00 of each minute).
     */
    static void awaitMinuteWithAtLeast(int seconds) {
        int second = Instant.now().atZone(java.time.ZoneOffset.UTC).getSecond();
        if (60 - second < seconds) {
            try {
                Thread.sleep((60 - second) * 1000L + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
