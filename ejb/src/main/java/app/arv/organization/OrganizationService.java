package app.arv.organization;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.persistence.identity.UserSessionRepository;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.ApplicationMetric;
import app.arv.security.AccountAddresses;
import app.arv.security.Caller;
import app.arv.security.ChosenPasswords;
import app.arv.security.CredentialChanges;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.UUID;

/** Platform operators' work: opening, renaming and (de)activating customer organizations; and opening one for a verified sign-up. */
@Stateless
public class OrganizationService {

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    ChosenPasswords passwords;

    @Inject
    MetricRegistry metrics;

    @Inject
    CredentialChanges credentials;

    @Inject
    UserSessionRepository sessions;

    @Inject
    AccountAddresses addresses;

    /**
     * Opens an organization, with its first admin when one is given, in one transaction.
     *
     * @param caller the platform admin opening it, for the organization's audit log
     */
    public Organization open(Caller caller, String name, String slug, FirstAdmin firstAdmin) {
        if (organizations.slugTakenForOpening(slug)) {
            throw DomainException.conflict("slug_taken", "An organization with slug '" + slug + "' already exists");
        }
        if (firstAdmin != null) {
            addresses.claim(firstAdmin.email().strip());
        }
        String adminPasswordHash = firstAdmin == null ? null : passwords.hashOf(firstAdmin.password(), firstAdmin.email());
        Organization organization = create(name, slug);
        if (firstAdmin != null) {
            users.add(new User(organization.getId(), firstAdmin.email().strip(), adminPasswordHash, Role.ADMIN));
        }
        audit.record(organization.getId(), Actor.of(caller), AuditAction.ORGANIZATION_CREATED, organization.getId(),
                AuditDetails.with("name", organization.getName()).and("slug", organization.getSlug())
                        .and("first_admin", firstAdmin == null ? null : firstAdmin.email().strip()));
        return organization;
    }

    /**
     * Opens an organization someone signed up for themselves, exactly as an operator would (same defaults and quotas),
     * with its slug made from the name ({@link OrganizationSlug}) and them as its first admin. Their password was checked
     * and hashed when they signed up, so only its hash is here.
     *
     * @return the first admin
     */
    public User openSignedUp(String name, String email, String passwordHash) {
        addresses.claim(email.strip());
        String slug = OrganizationSlug.from(name);
        while (organizations.slugTakenForOpening(slug)) {
            slug = OrganizationSlug.from(name);
        }
        Organization organization = create(name, slug);
        User admin = users.add(new User(organization.getId(), email.strip(), passwordHash, Role.ADMIN));
        audit.record(organization.getId(), Actor.person(admin), AuditAction.ORGANIZATION_CREATED, organization.getId(),
                AuditDetails.with("name", organization.getName()).and("slug", organization.getSlug()).and("via", "signup"));
        return admin;
    }

    private Organization create(String name, String slug) {
        Organization organization = organizations.add(new Organization(name.strip(), slug));
        ApplicationMetric.ORGANIZATIONS_OPENED.counter(metrics).inc();
        return organization;
    }

    public Page<Organization> list(PageRequest page) {
        return organizations.list(page);
    }

    public Organization get(UUID id) {
        return organizations.find(id).orElseThrow(() -> DomainException.notFound("Organization"));
    }

    /** @param caller the platform admin making the change, for the organization's audit log */
    public Organization change(Caller caller, UUID id, String name, Boolean active) {
        // Locked: the whole row is written back, so a change committed after a plain read would be undone.
        Organization organization = organizations.lock(id).orElseThrow(() -> DomainException.notFound("Organization"));
        String nameBefore = organization.getName();
        boolean activeBefore = organization.isActive();
        if (name != null) {
            organization.rename(name.strip());
        }
        if (Boolean.FALSE.equals(active) && users.anyPlatformAdminIn(id)) {
            // Deactivating it would lock every operator out of the installation.
            throw DomainException.conflict("platform_organization", "The platform operators' organization can't be deactivated");
        }
        if (active != null) {
            organization.setActive(active);
            if (!active) {
                sessions.revokeAllInOrganization(id, Instant.now(), EndReason.DEACTIVATED);
            }
            credentials.organizationChanged(id);
        }
        boolean renamed = !organization.getName().equals(nameBefore);
        if (renamed || organization.isActive() != activeBefore) {
            audit.record(id, Actor.of(caller), AuditAction.ORGANIZATION_CHANGED, id,
                    AuditDetails.with("name", renamed ? organization.getName() : null).and("name_before", renamed ? nameBefore : null)
                            .and("active", organization.isActive() != activeBefore ? organization.isActive() : null));
        }
        return organization;
    }

    public record FirstAdmin(String email, String password) {
    }
}
