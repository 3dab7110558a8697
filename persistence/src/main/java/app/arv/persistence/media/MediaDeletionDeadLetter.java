package app.arv.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A deletion that kept failing, parked where an admin sees it: the object may still occupy the store. */
@Entity
@Table(name = "media_deletion_dead_letter")
public class MediaDeletionDeadLetter {

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
        this.id = deletion.getId();
        this.organizationId = deletion.getOrganizationId();
        this.resourceId = deletion.getResourceId();
        this.storageConnectionId = deletion.getStorageConnectionId();
        this.storageKey = deletion.getStorageKey();
        this.attempts = deletion.getAttempts();
        this.lastError = deletion.getLastError();
        this.firstAttemptAt = deletion.getCreatedAt();
        this.parkedAt = now;
    }

    public UUID getId() { return id; }

    public UUID getOrganizationId() { return organizationId; }

    public UUID getResourceId() { return resourceId; }

    public UUID getStorageConnectionId() { return storageConnectionId; }

    public String getStorageKey() { return storageKey; }

    public int getAttempts() { return attempts; }

    public String getLastError() { return lastError; }

    public Instant getFirstAttemptAt() { return firstAttemptAt; }

    public Instant getParkedAt() { return parkedAt; }
}
