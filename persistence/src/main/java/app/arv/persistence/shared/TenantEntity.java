package app.arv.persistence.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/** An {@link AuditedEntity} of one organization, which it never changes. */
@MappedSuperclass
public abstract class TenantEntity extends AuditedEntity implements OrganizationOwned {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    /** For JPA, which sets the fields itself. */
    protected TenantEntity() {
    }

    protected TenantEntity(UUID id, UUID organizationId) {
        super(id);
        this.organizationId = organizationId;
    }

    @Override
    public UUID getOrganizationId() { return organizationId; }
}
