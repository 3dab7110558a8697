package app.arv.persistence.media;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A deletion that kept failing, parked where an admin sees it: the object may still occupy the store. It is tried
 * again at a capped interval until the store accepts it, counting each attempt.
 */
@Entity
@Table(name = "media_deletion_dead_letter")
public class MediaDeletionDeadLetter extends OwedDeletion {

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "first_attempt_at", nullable = false, updatable = false)
    private Instant firstAttemptAt;

    @Column(name = "parked_at", nullable = false, updatable = false)
    private Instant parkedAt;

    protected MediaDeletionDeadLetter() {
    }

    MediaDeletionDeadLetter(MediaDeletion deletion, Instant now, Instant retryAt) {
        super(deletion);
        this.attempts = deletion.getAttempts();
        this.lastError = deletion.getLastError();
        this.firstAttemptAt = AuditedEntity.stored(deletion.getCreatedAt());
        this.parkedAt = AuditedEntity.stored(now);
        this.lastAttemptAt = parkedAt;
        this.nextAttemptAt = AuditedEntity.stored(retryAt);
    }

    /** Another attempt failed: counted, its error kept, the next one at {@code retryAt}. */
    public void failedAgain(String error, Instant now, Instant retryAt) {
        attempts++;
        lastError = bounded(error);
        lastAttemptAt = AuditedEntity.stored(now);
        nextAttemptAt = AuditedEntity.stored(retryAt);
    }

    public int getAttempts() { return attempts; }

    public String getLastError() { return lastError; }

    public Instant getFirstAttemptAt() { return firstAttemptAt; }

    public Instant getParkedAt() { return parkedAt; }

    public Instant getLastAttemptAt() { return lastAttemptAt; }

    public Instant getNextAttemptAt() { return nextAttemptAt; }
}
