package app.arv.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An object a store still owes us a deletion of; retried with backoff until it succeeds or is parked. */
@Entity
@Table(name = "media_deletion")
public class MediaDeletion {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "resource_id", nullable = false, updatable = false)
    private UUID resourceId;

    @Column(name = "storage_connection_id", updatable = false)
    private UUID storageConnectionId;

    @Column(name = "storage_key", nullable = false, length = 500, updatable = false)
    private String storageKey;

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
        this.id = UUID.randomUUID();
        this.organizationId = resource.getOrganizationId();
        this.resourceId = resource.getId();
        this.storageConnectionId = resource.getStorageConnectionId();
        this.storageKey = resource.getStorageKey();
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void failed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        nextAttemptAt = retryAt;
    }

    public MediaDeletionDeadLetter park(Instant now) {
        return new MediaDeletionDeadLetter(this, now);
    }

    public UUID getId() { return id; }

    public UUID getOrganizationId() { return organizationId; }

    public UUID getResourceId() { return resourceId; }

    public UUID getStorageConnectionId() { return storageConnectionId; }

    public String getStorageKey() { return storageKey; }

    public int getAttempts() { return attempts; }

    public Instant getNextAttemptAt() { return nextAttemptAt; }

    public String getLastError() { return lastError; }

    public Instant getCreatedAt() { return createdAt; }
}
