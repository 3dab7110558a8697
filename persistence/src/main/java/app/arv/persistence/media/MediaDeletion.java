package app.arv.persistence.media;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An object a store still owes us a deletion of; retried with backoff until it succeeds or is parked. One that names no
 * resource is a staged object's ({@link #unlessRecorded}): its first attempt is due only once the grace its recording
 * has is over.
 */
@Entity
@Table(name = "media_deletion")
public class MediaDeletion extends OwedDeletion {

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MediaDeletion() {
    }

    public MediaDeletion(MediaResource resource, Instant now) {
        super(resource);
        this.nextAttemptAt = AuditedEntity.stored(now);
        this.createdAt = nextAttemptAt;
    }

    /**
     * The deletion of an object about to be written, owed unless the transaction that records it removes this row (a
     * process that died in between leaves it behind, and the object with it).
     *
     * @param storageConnectionId the connection the object is written through, {@code null} for the platform's store
     * @param grace               how long the recording may take: the first attempt is due then. Due by
     *                            {@code next_attempt_at} like every other deletion, so that every node — one of the
     *                            previous release too, during a rolling upgrade — leaves the object to its recording
     */
    public static MediaDeletion unlessRecorded(UUID organizationId, UUID storageConnectionId, String storageKey, Instant now,
            Duration grace) {
        return new MediaDeletion(organizationId, storageConnectionId, storageKey, now, grace);
    }

    private MediaDeletion(UUID organizationId, UUID storageConnectionId, String storageKey, Instant now, Duration grace) {
        super(organizationId, storageConnectionId, storageKey);
        this.createdAt = AuditedEntity.stored(now);
        this.nextAttemptAt = AuditedEntity.stored(now.plus(grace));
    }

    public void failed(String error, Instant retryAt) {
        attempts++;
        lastError = bounded(error);
        nextAttemptAt = AuditedEntity.stored(retryAt);
    }

    /** @param retryAt when the parked deletion is tried again */
    public MediaDeletionDeadLetter park(Instant now, Instant retryAt) {
        return new MediaDeletionDeadLetter(this, now, retryAt);
    }

    public int getAttempts() { return attempts; }

    public Instant getNextAttemptAt() { return nextAttemptAt; }

    public String getLastError() { return lastError; }

    public Instant getCreatedAt() { return createdAt; }
}
