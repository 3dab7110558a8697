package app.arv.persistence.media;

import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * "This entity uses that resource in this role." Owners are named by kind and id, not by foreign
 * key, so any entity can hold media. A resource without attachments is an orphan.
 */
@Entity
@Table(name = "media_attachment")
public class MediaAttachment extends TenantRecord {

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

    protected MediaAttachment() {
    }

    public MediaAttachment(UUID organizationId, UUID resourceId, OwnerKind entityKind, UUID entityId, MediaRole role) {
        super(UUID.randomUUID(), organizationId);
        this.resourceId = resourceId;
        this.entityKind = entityKind;
        this.entityId = entityId;
        this.role = role;
    }

    public UUID getResourceId() { return resourceId; }

    public OwnerKind getEntityKind() { return entityKind; }

    public UUID getEntityId() { return entityId; }

    public MediaRole getRole() { return role; }

}
