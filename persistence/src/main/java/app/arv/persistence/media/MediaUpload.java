package app.arv.persistence.media;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A direct-to-storage upload that was announced (and given a presigned URL). Once completed it names
 * the media it became, and stays until its URL expires (the orphan scan then removes the upload key). A removal the
 * store refused is counted and due again later ({@link #removalRefused}).
 */
@Entity
@Table(name = "media_upload")
public class MediaUpload extends TenantRecord {

    @Column(name = "storage_connection_id", nullable = false, updatable = false)
    private UUID storageConnectionId;

    @Column(name = "storage_key", nullable = false, length = 500, updatable = false)
    private String storageKey;

    @Column(name = "original_name", nullable = false, length = 255, updatable = false)
    private String originalName;

    @Column(name = "declared_size", nullable = false, updatable = false)
    private long declaredSize;

    @Column(name = "declared_sha256", nullable = false, length = 64, updatable = false, columnDefinition = "bpchar(64)")
    private String declaredSha256;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "completed_media_id")
    private UUID completedMediaId;

    @Column(name = "removal_attempts", nullable = false)
    private int removalAttempts;

    @Column(name = "removal_error", length = 1000)
    private String removalError;

    @Column(name = "removal_retry_at")
    private Instant removalRetryAt;

    protected MediaUpload() {
    }

    public MediaUpload(UUID id, UUID organizationId, UUID storageConnectionId, String storageKey, String originalName,
            long declaredSize, String declaredSha256, Instant expiresAt) {
        super(id, organizationId);
        this.storageConnectionId = storageConnectionId;
        this.storageKey = storageKey;
        this.originalName = originalName;
        this.declaredSize = declaredSize;
        this.declaredSha256 = declaredSha256;
        this.expiresAt = AuditedEntity.stored(expiresAt);
    }

    public UUID getStorageConnectionId() { return storageConnectionId; }

    public String getStorageKey() { return storageKey; }

    public String getOriginalName() { return originalName; }

    public long getDeclaredSize() { return declaredSize; }

    public String getDeclaredSha256() { return declaredSha256; }

    public Instant getExpiresAt() { return expiresAt; }

    /** The media this upload became, or {@code null} while it is not completed. */
    public UUID getCompletedMediaId() { return completedMediaId; }

    public boolean isCompleted() { return completedMediaId != null; }

    /** Failed removals of the upload key so far. */
    public int getRemovalAttempts() { return removalAttempts; }

    /** Why the last removal failed, or {@code null} while none did. */
    public String getRemovalError() { return removalError; }

    /** When the orphan scan tries again to remove the upload key after a refusal, or {@code null} while none was refused. */
    public Instant getRemovalRetryAt() {
        return removalRetryAt;
    }

    /** The store refused to delete the upload key: counted, and tried again at {@code retryAt}. */
    public void removalRefused(String error, Instant retryAt) {
        removalAttempts++;
        removalError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        removalRetryAt = AuditedEntity.stored(retryAt);
    }

    public void complete(UUID mediaId) {
        if (completedMediaId != null) {
            throw new IllegalStateException("Upload " + getId() + " was already completed");
        }
        completedMediaId = mediaId;
    }
}
