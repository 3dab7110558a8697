package app.arv.idempotency;

import app.arv.persistence.idempotency.IdempotencyRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.RetentionRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every {@code arv.idempotency.cleanup-interval}, records older than {@code arv.idempotency.retention} are deleted, in
 * batches each committed on its own ({@link RetentionRound}): a backlog is never one statement holding its locks.
 * Lookups ignore expired records anyway; this only keeps the table small.
 */
@ApplicationScoped
public class IdempotencyExpiry extends RetentionRound {

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
    protected Optional<Duration> keepFor() {
        return Optional.of(rules.retention());
    }

    @Override
    protected int removeBatch(Instant before, int most) {
        return records.removeCreatedBefore(before, most);
    }

    @Override
    protected String removedWhat(Duration keptFor) {
        return "expired idempotency records";
    }
}
