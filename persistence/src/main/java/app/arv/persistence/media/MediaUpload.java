package app.arv.persistence.media;

import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A direct-to-storage upload that was announced (and given a presigned URL). Once completed it names
 * the media it became, and stays until its URL expires (the orphan scan then removes the upload key).
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
        this.expiresAt = expiresAt;
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

    public void complete(UUID mediaId) {
        if (completedMediaId != null) {
            throw new IllegalStateException("Upload " + getId() + " was already completed");
        }
        completedMediaId = mediaId;
    }
}
