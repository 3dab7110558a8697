package app.arv.audit;

import app.arv.persistence.audit.AuditEvent;
import app.arv.persistence.audit.AuditEventRepository;
import app.arv.persistence.audit.AuditFilter;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/** Reading the audit log: an organization's admins read their own, platform admins any organization's. */
@Stateless
public class AuditLog {

    @Inject
    AuditEventRepository events;

    @Inject
    OrganizationRepository organizations;

    public Page<AuditEvent> list(Caller caller, AuditFilter filter, PageRequest page) {
        return events.list(caller.organizationId(), filter, page);
    }

    /** A platform admin's reading of an organization's log. */
    public Page<AuditEvent> listOf(UUID organizationId, AuditFilter filter, PageRequest page) {
        organizations.find(organizationId).orElseThrow(() -> DomainException.notFound("Organization"));
        return events.list(organizationId, filter, page);
    }
}
