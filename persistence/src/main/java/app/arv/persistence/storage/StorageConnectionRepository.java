package app.arv.persistence.storage;

import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StorageConnectionRepository extends TenantRepository<StorageConnection> {

    public StorageConnectionRepository() {
        super(StorageConnection.class);
    }

    /**
     * Creating and changing connections of one organization, one transaction at a time (until it ends): a name checked
     * free, or the default cleared, stays so until the commit — two at once broke the unique name or the one-default
     * index (500).
     */
    public void holdSettingsLock(UUID organizationId) {
        OrganizationScoped.holdLock(em, organizationId, "arv:storage:connections");
    }

    /**
     * Where the connection points as last committed, share-locked until the transaction ends (a change or deletion,
     * which row-locks it, waits for the commit); empty when it is gone. Read from the table, not the persistence
     * context, which may hold the connection as this transaction first read it.
     */
    public Optional<ConnectionPlace> lockedPlace(UUID organizationId, UUID id) {
        List<?> rows = em.createNativeQuery("SELECT directory, endpoint, bucket, base_path FROM storage_connection"
                + " WHERE organization_id = ?1 AND id = ?2 FOR SHARE")
                .setParameter(1, organizationId).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new ConnectionPlace((String) columns[0], (String) columns[1], (String) columns[2], (String) columns[3]);
        });
    }

    /** Every organization's connections that keep a secret, row-locked until the transaction ends: for sealing them anew. */
    public List<StorageConnection> lockAllWithSecret() {
        return em.createQuery("SELECT c FROM StorageConnection c WHERE c.secretCiphertext IS NOT NULL ORDER BY c.id",
                StorageConnection.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public Optional<StorageConnection> findDefault(UUID organizationId) {
        return em.createQuery("SELECT c FROM StorageConnection c WHERE c.organizationId = :org AND c.defaultConnection = true",
                StorageConnection.class)
                .setParameter("org", organizationId)
                .getResultStream().findFirst();
    }

    public List<StorageConnection> list(UUID organizationId) {
        return em.createQuery("SELECT c FROM StorageConnection c WHERE c.organizationId = :org ORDER BY c.createdAt, c.id",
                StorageConnection.class)
                .setParameter("org", organizationId).getResultList();
    }

    public boolean nameTaken(UUID organizationId, String name, UUID exceptId) {
        return OrganizationScoped.nameTaken(em, StorageConnection.class, organizationId, name, exceptId);
    }

    /**
     * What still points at the connection, of the organization's rows, counted by kind ({@link ConnectionHolders#any}: it
     * is in use): live media, object deletions still owed (a staged object's too: written, not recorded yet) or parked as
     * dead letters, direct uploads (until their URLs expire) — with when the owed deletions fall due and when the uploads'
     * URLs expire, what an admin refused a move or deletion needs to know. A deleted row whose object deletion is done
     * does not count: its object is gone (and the row with it, or it no longer names the connection once the connection
     * goes).
     */
    public ConnectionHolders holders(UUID organizationId, UUID id) {
        long media = em.createQuery("SELECT COUNT(m) FROM MediaResource m WHERE m.organizationId = :org"
                + " AND m.storageConnectionId = :id AND m.deletedAt IS NULL", Long.class)
                .setParameter("org", organizationId).setParameter("id", id).getSingleResult();
        Object[] owed = em.createQuery("SELECT COUNT(d.resourceId), COUNT(d) - COUNT(d.resourceId), MIN(d.nextAttemptAt)"
                + " FROM MediaDeletion d WHERE d.organizationId = :org AND d.storageConnectionId = :id", Object[].class)
                .setParameter("org", organizationId).setParameter("id", id).getSingleResult();
        long deadLetters = em.createQuery("SELECT COUNT(l) FROM MediaDeletionDeadLetter l WHERE l.organizationId = :org"
                + " AND l.storageConnectionId = :id", Long.class)
                .setParameter("org", organizationId).setParameter("id", id).getSingleResult();
        Object[] uploads = em.createQuery("SELECT COUNT(u), MAX(u.expiresAt) FROM MediaUpload u WHERE u.organizationId = :org"
                + " AND u.storageConnectionId = :id", Object[].class)
                .setParameter("org", organizationId).setParameter("id", id).getSingleResult();
        return new ConnectionHolders(media, ((Number) owed[0]).longValue(), ((Number) owed[1]).longValue(), (Instant) owed[2],
                deadLetters, ((Number) uploads[0]).longValue(), (Instant) uploads[1]);
    }

    /** Clears the old default first so the one-default-per-organization index never sees two. */
    public void clearDefault(UUID organizationId) {
        em.createQuery("UPDATE StorageConnection c SET c.defaultConnection = false WHERE c.organizationId = :org"
                + " AND c.defaultConnection = true")
                .setParameter("org", organizationId).executeUpdate();
    }
}
