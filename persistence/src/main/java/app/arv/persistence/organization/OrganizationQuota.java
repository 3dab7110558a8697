package app.arv.persistence.organization;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform admin's overrides of one organization's request limits and quotas. Every field is
 * optional: {@code null} means the installation's default applies.
 */
@Entity
@Table(name = "organization_quota")
public class OrganizationQuota {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "requests_per_minute")
    private Integer requestsPerMinute;

    @Column(name = "requests_per_hour")
    private Integer requestsPerHour;

    @Column(name = "uploads_per_minute")
    private Integer uploadsPerMinute;

    @Column(name = "stored_bytes")
    private Long storedBytes;

    @Column(name = "generations_per_month")
    private Integer generationsPerMonth;

    @Column(name = "fal_allowed")
    private Boolean falAllowed;

    @Column(name = "fal_items_per_month")
    private Integer falItemsPerMonth;

    @Column(name = "organization_requests_per_minute")
    private Integer organizationRequestsPerMinute;

    @Column(name = "organization_requests_per_hour")
    private Integer organizationRequestsPerHour;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrganizationQuota() {
    }

    public OrganizationQuota(UUID organizationId) {
        this.organizationId = organizationId;
    }

    /** Replaces every override at once (a PUT): a {@code null} returns that limit to the default. */
    public void override(Integer requestsPerMinute, Integer requestsPerHour, Integer uploadsPerMinute, Long storedBytes,
            Integer generationsPerMonth, Boolean falAllowed, Integer falItemsPerMonth, Integer organizationRequestsPerMinute,
            Integer organizationRequestsPerHour) {
        this.requestsPerMinute = requestsPerMinute;
        this.requestsPerHour = requestsPerHour;
        this.uploadsPerMinute = uploadsPerMinute;
        this.storedBytes = storedBytes;
        this.generationsPerMonth = generationsPerMonth;
        this.falAllowed = falAllowed;
        this.falItemsPerMonth = falItemsPerMonth;
        this.organizationRequestsPerMinute = organizationRequestsPerMinute;
        this.organizationRequestsPerHour = organizationRequestsPerHour;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = AuditedEntity.now();
    }

    public UUID getOrganizationId() { return organizationId; }

    public Integer getRequestsPerMinute() { return requestsPerMinute; }

    public Integer getRequestsPerHour() { return requestsPerHour; }

    public Integer getUploadsPerMinute() { return uploadsPerMinute; }

    public Long getStoredBytes() { return storedBytes; }

    public Integer getGenerationsPerMonth() { return generationsPerMonth; }

    public Boolean getFalAllowed() { return falAllowed; }

    public Integer getFalItemsPerMonth() { return falItemsPerMonth; }

    public Integer getOrganizationRequestsPerMinute() { return organizationRequestsPerMinute; }

    public Integer getOrganizationRequestsPerHour() { return organizationRequestsPerHour; }

    public Instant getUpdatedAt() { return updatedAt; }
}
