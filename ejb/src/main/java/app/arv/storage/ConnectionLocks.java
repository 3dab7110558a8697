package app.arv.storage;

import app.arv.persistence.shared.OrganizationScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** The database locks that keep an organization's storage connections consistent, held until the transaction ends. */
@ApplicationScoped
public class ConnectionLocks {

    private static final String CONNECTIONS_LOCK = "arv:storage:connections";

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * Creating and changing connections of one organization, one transaction at a time: a name checked free, or the
     * default cleared, stays so until the commit (two at once broke the unique name or the one-default index: 500).
     */
    void holdSettingsLock(UUID organizationId) {
        OrganizationScoped.holdLock(em, organizationId, CONNECTIONS_LOCK);
    }
}
