package app.arv.storage;

import app.arv.persistence.shared.OrganizationScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database locks that keep an organization's storage connections consistent, with each other and with the media
 * recorded through them; each is held until the transaction ends.
 */
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

    /**
     * Where the connection points as last committed, share-locked until the transaction ends (a change or deletion,
     * which row-locks it, waits for the commit); empty when it is gone. Read from the table, not the persistence
     * context, which may hold the connection as this transaction first read it.
     */
    Optional<StorageTarget.Location> lockedLocation(UUID organizationId, UUID id) {
        List<?> rows = em.createNativeQuery("SELECT directory, endpoint, bucket, base_path FROM storage_connection"
                + " WHERE organization_id = ?1 AND id = ?2 FOR SHARE")
                .setParameter(1, organizationId).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new StorageTarget.Location((String) columns[0], (String) columns[1], (String) columns[2], (String) columns[3]);
        });
    }
}
