package app.arv.web.organization;

import app.arv.persistence.organization.Organization;

import java.time.Instant;
import java.util.UUID;

public record OrganizationView(UUID id, String name, String slug, boolean active, Instant createdAt, Instant updatedAt) {

    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.getId(), o.getName(), o.getSlug(), o.isActive(), o.getCreatedAt(), o.getUpdatedAt());
    }
}
