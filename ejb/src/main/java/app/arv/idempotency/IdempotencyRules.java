package app.arv.idempotency;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long answers are kept and how duplicates of a request still running are treated.
 *
 * @param retention the same key with the same request within this returns the first answer; afterwards the key is new again
 * @param lease how long a request may hold its key before a duplicate may take it over: only a node that died
 *        mid-request lets a claim run out, so this is far longer than any request (250 MB uploads included)
 * @param waitForFirst how long a duplicate waits for the first request to answer before it gets 409 with Retry-After
 */
@Dependent
public record IdempotencyRules(
        @ConfigProperty(name = "arv.idempotency.retention", defaultValue = "PT24H") Duration retention,
        @ConfigProperty(name = "arv.idempotency.lease", defaultValue = "PT15M") Duration lease,
        @ConfigProperty(name = "arv.idempotency.wait", defaultValue = "PT10S") Duration waitForFirst,
        @ConfigProperty(name = "arv.idempotency.cleanup-interval", defaultValue = "PT1H") Duration cleanupInterval) {

    @Inject
    public IdempotencyRules {
    }
}
