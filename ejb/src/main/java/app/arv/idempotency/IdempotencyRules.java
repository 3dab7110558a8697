package app.arv.idempotency;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long answers are kept and how duplicates of a request still running are treated.
 *
 * @param retention the same key with the same request within this returns the first answer; afterwards the key is new again
 * @param lease how long a claim lasts unless renewed: the node of a request still running renews it every
 *        {@link #renewal()} ({@link HeldClaims}), however long the request runs, so only a claim whose node died
 *        mid-request runs out and a duplicate may take it over
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

    /** How often a node renews the claims its running requests hold: three renewals a lease, so one missed round is no loss. */
    public Duration renewal() {
        return lease.dividedBy(3);
    }
}
