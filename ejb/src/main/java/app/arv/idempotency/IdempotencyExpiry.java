package app.arv.idempotency;

import app.arv.persistence.idempotency.IdempotencyRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every {@code arv.idempotency.cleanup-interval}, records older than {@code arv.idempotency.retention} are deleted.
 * Lookups ignore expired records anyway; this only keeps the table small.
 */
@ApplicationScoped
public class IdempotencyExpiry implements ClusterRound {

    @Inject
    IdempotencyRepository records;

    @Inject
    IdempotencyRules rules;

    @Override
    public ClusterLock lock() {
        return ClusterLock.IDEMPOTENCY_EXPIRY;
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(rules.cleanupInterval());
    }

    @Override
    public Optional<String> run(Instant now) {
        return ClusterRound.removed(records.removeCreatedBefore(now.minus(rules.retention())), "expired idempotency records");
    }
}
