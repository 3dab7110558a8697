package app.arv.persistence.media;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored file of an organization. Identical bytes exist once per organization (live rows are
 * unique by SHA-256) and are shared through {@link MediaAttachment}s. A deleted row stays as a
 * tombstone while its object deletion is owed or parked; once the store has deleted the object the
 * row is purged ({@link MediaRepository#purgeRetired}).
 */
@Entity
@Table(name = "media_resource")
public class MediaResource extends TenantRecord {

    @Column(nullable = false, length = 64, updatable = false, columnDefinition = "bpchar(64)")
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "media_type", nullable = false, length = 100, updatable = false)
    private String mediaType;

    @Column(name = "original_name", nullable = false, length = 255)
    private String originalName;

    private Integer width;

    private Integer height;

    @Column(name = "storage_connection_id", updatable = false)
    private UUID storageConnectionId;

    @Column(name = "storage_key", nullable = false, length = 500, updatable = false)
    private String storageKey;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "left_library_at")
    private Instant leftLibraryAt;

    protected MediaResource() {
    }

    /**
     * @param storageConnectionId the organization's connection, or {@code null} for the platform's default store
     */
    public MediaResource(UUID id, UUID organizationId, String sha256, long sizeBytes, String mediaType, String originalName,
            Integer width, Integer height, UUID storageConnectionId, String storageKey) {
        super(id, organizationId);
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.mediaType = mediaType;
        this.originalName = originalName;
        this.width = width;
        this.height = height;
        this.storageConnectionId = storageConnectionId;
        this.storageKey = storageKey;
    }

    public void markDeleted(Instant when) {
        deletedAt = AuditedEntity.stored(when);
    }

    public boolean isDeleted() { return deletedAt != null; }

    /** Taken out of the organization's library (it may stay live for other owners that use it). */
    public void markLeftLibrary(Instant when) {
        leftLibraryAt = AuditedEntity.stored(when);
    }

    /** Whether it was in the library once and taken out of it. */
    public boolean hasLeftLibrary() {
        return leftLibraryAt != null;
    }

    public String getSha256() { return sha256; }

    public long getSizeBytes() { return sizeBytes; }

    public String getMediaType() { return mediaType; }

    public String getOriginalName() { return originalName; }

    public Integer getWidth() { return width; }

    public Integer getHeight() { return height; }

    public UUID getStorageConnectionId() { return storageConnectionId; }

    public String getStorageKey() { return storageKey; }

    public Instant getDeletedAt() { return deletedAt; }
}
