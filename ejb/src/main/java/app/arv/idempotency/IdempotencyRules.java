package app.arv.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long answers are kept and how duplicates of a request still running are treated. */
@ApplicationScoped
public class IdempotencyRules {

    /** The same key with the same request within this returns the first answer; afterwards the key is new again. */
    @Inject
    @ConfigProperty(name = "arv.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /**
     * How long a request may hold its key before a duplicate may take it over: only a node that died
     * mid-request lets a claim run out, so this is far longer than any request (250 MB uploads included).
     */
    @Inject
    @ConfigProperty(name = "arv.idempotency.lease", defaultValue = "PT15M")
    Duration lease;

    /** How long a duplicate waits for the first request to answer before it gets 409 with Retry-After. */
    @Inject
    @ConfigProperty(name = "arv.idempotency.wait", defaultValue = "PT10S")
    Duration wait;

    @Inject
    @ConfigProperty(name = "arv.idempotency.cleanup-interval", defaultValue = "PT1H")
    Duration cleanupInterval;

    public Duration retention() {
        return retention;
    }

    public Duration lease() {
        return lease;
    }

    public Duration waitForFirst() {
        return wait;
    }

    public Duration cleanupInterval() {
        return cleanupInterval;
    }
}
