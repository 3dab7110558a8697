package app.arv.persistence.shared;

import java.util.UUID;

/**
 * Tenant data: an entity that belongs to one organization for good. {@link OrganizationScoped} finds such
 * entities only within their organization.
 */
public interface OrganizationOwned {

    UUID getId();

    UUID getOrganizationId();
}
