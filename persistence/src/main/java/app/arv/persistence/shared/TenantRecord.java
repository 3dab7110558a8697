package app.arv.persistence.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of one organization that keeps only when it was created (no change time, unlike a {@link TenantEntity}):
 * an id chosen by the application and the organization, neither of which ever changes.
 */
@MappedSuperclass
public abstract class TenantRecord implements OrganizationOwned {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** For JPA, which sets the fields itself. */
    protected TenantRecord() {
    }

    protected TenantRecord(UUID id, UUID organizationId) {
        this.id = id;
        this.organizationId = organizationId;
    }

    @PrePersist
    void onCreate() {
        if (createdAt == null) {
            createdAt = AuditedEntity.now();
        }
    }

    @Override
    public UUID getId() { return id; }

    @Override
    public UUID getOrganizationId() { return organizationId; }

    public Instant getCreatedAt() { return createdAt; }
}
