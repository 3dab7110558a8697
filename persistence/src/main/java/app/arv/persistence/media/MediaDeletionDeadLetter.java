package app.arv.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A deletion that kept failing, parked where an admin sees it: the object may still occupy the store. */
@Entity
@Table(name = "media_deletion_dead_letter")
public class MediaDeletionDeadLetter extends OwedDeletion {

    @Column(nullable = false, updatable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000, updatable = false)
    private String lastError;

    @Column(name = "first_attempt_at", nullable = false, updatable = false)
    private Instant firstAttemptAt;

    @Column(name = "parked_at", nullable = false, updatable = false)
    private Instant parkedAt;

    protected MediaDeletionDeadLetter() {
    }

    MediaDeletionDeadLetter(MediaDeletion deletion, Instant now) {
        super(deletion);
        this.attempts = deletion.getAttempts();
        this.lastError = deletion.getLastError();
        this.firstAttemptAt = deletion.getCreatedAt();
        this.parkedAt = now;
    }

    public int getAttempts() { return attempts; }

    public String getLastError() { return lastError; }

    public Instant getFirstAttemptAt() { return firstAttemptAt; }

    public Instant getParkedAt() { return parkedAt; }
}
