package app.arv.persistence.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.Optional;
import java.util.UUID;

/**
 * The queries every tenant-owned entity answers alike, so that the organization condition is written once:
 * one entity by id within its organization (row-locked or not), a page of the organization's entities, and
 * whether a name is taken in it. The entity is named by its class (JPA's default entity name); a
 * {@link TenantEntity} or {@link TenantRecord} has the attributes these queries use.
 */
public final class OrganizationScoped {

    private OrganizationScoped() {
    }

    /**
     * Waits for, then holds until the transaction ends, the organization's lock named {@code what} (a PostgreSQL
     * advisory lock on the pair): another transaction taking the same lock for the same organization waits here, so a
     * check made under it still holds at the commit.
     */
    public static void holdLock(EntityManager em, UUID organizationId, String what) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1), hashtext(?2))")
                .setParameter(1, organizationId.toString()).setParameter(2, what).getSingleResult();
    }

    /** The entity with this id if it belongs to the organization; another tenant's is not found. */
    public static <T extends OrganizationOwned> Optional<T> find(EntityManager em, Class<T> type, UUID organizationId, UUID id) {
        return byId(em, type, organizationId, id).getResultStream().findFirst();
    }

    /** {@link #find}, row-locked until the transaction ends. */
    public static <T extends OrganizationOwned> Optional<T> lock(EntityManager em, Class<T> type, UUID organizationId, UUID id) {
        return byId(em, type, organizationId, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * {@link #find}, share-locked until the transaction ends: others may read and reference the row, but whoever
     * changes or deletes it waits for this transaction (and a deletion that came first makes this find nothing).
     */
    public static <T extends OrganizationOwned> Optional<T> share(EntityManager em, Class<T> type, UUID organizationId, UUID id) {
        return byId(em, type, organizationId, id).setLockMode(LockModeType.PESSIMISTIC_READ).getResultStream().findFirst();
    }

    /** The organization's entities, oldest first (ties by id, so pages never overlap). */
    public static <T extends OrganizationOwned> Page<T> oldestFirst(EntityManager em, Class<T> type, UUID organizationId, PageRequest page) {
        String where = " FROM " + type.getSimpleName() + " e WHERE e.organizationId = :org";
        return Page.of(em.createQuery("SELECT e" + where + " ORDER BY e.createdAt, e.id", type).setParameter("org", organizationId),
                em.createQuery("SELECT COUNT(e)" + where, Long.class).setParameter("org", organizationId), page);
    }

    /** Whether another entity of the organization (not {@code exceptId}, which may be {@code null}) has this name. */
    public static boolean nameTaken(EntityManager em, Class<? extends OrganizationOwned> type, UUID organizationId, String name, UUID exceptId) {
        return em.createQuery("SELECT COUNT(e) FROM " + type.getSimpleName() + " e WHERE e.organizationId = :org"
                + " AND e.name = :name AND e.id <> :except", Long.class)
                .setParameter("org", organizationId).setParameter("name", name)
                .setParameter("except", exceptId == null ? new UUID(0, 0) : exceptId)
                .getSingleResult() > 0;
    }

    private static <T extends OrganizationOwned> TypedQuery<T> byId(EntityManager em, Class<T> type, UUID organizationId, UUID id) {
        return em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.organizationId = :org AND e.id = :id", type)
                .setParameter("org", organizationId).setParameter("id", id);
    }
}
