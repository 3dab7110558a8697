package app.arv.persistence.media;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An object a store still owes us a deletion of; retried with backoff until it succeeds or is parked. One that names no
 * resource is a staged object's ({@link #unlessRecorded}): due only once it is older than the grace its recording has.
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
     */
    public static MediaDeletion unlessRecorded(UUID organizationId, UUID storageConnectionId, String storageKey, Instant now) {
        return new MediaDeletion(organizationId, storageConnectionId, storageKey, now);
    }

    private MediaDeletion(UUID organizationId, UUID storageConnectionId, String storageKey, Instant now) {
        super(organizationId, storageConnectionId, storageKey);
        this.nextAttemptAt = AuditedEntity.stored(now);
        this.createdAt = nextAttemptAt;
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
