package app.arv.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * "This entity uses that resource in this role." Owners are named by kind and id, not by foreign
 * key, so any entity can hold media. A resource without attachments is an orphan.
 */
@Entity
@Table(name = "media_attachment")
public class MediaAttachment {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "resource_id", nullable = false, updatable = false)
    private UUID resourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_kind", nullable = false, length = 32, updatable = false)
    private OwnerKind entityKind;

    @Column(name = "entity_id", nullable = false, updatable = false)
    private UUID entityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private MediaRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MediaAttachment() {
    }

    public MediaAttachment(UUID organizationId, UUID resourceId, OwnerKind entityKind, UUID entityId, MediaRole role) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.resourceId = resourceId;
        this.entityKind = entityKind;
        this.entityId = entityId;
        this.role = role;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    public UUID getId() { return id; }

    public UUID getOrganizationId() { return organizationId; }

    public UUID getResourceId() { return resourceId; }

    public OwnerKind getEntityKind() { return entityKind; }

    public UUID getEntityId() { return entityId; }

    public MediaRole getRole() { return role; }

    public Instant getCreatedAt() { return createdAt; }
}
