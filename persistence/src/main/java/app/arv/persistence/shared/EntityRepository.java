package app.arv.persistence.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * What every repository of one kind of entity does alike: it works in the caller's persistence context and adds the
 * entity there. Its queries are its own; a repository of tenant data is a {@link TenantRepository}, which adds the
 * organization-scoped look-ups.
 */
public abstract class EntityRepository<T> {

    @PersistenceContext(unitName = "arv")
    protected EntityManager em;

    public T add(T entity) {
        em.persist(entity);
        return entity;
    }

    /** Writes this transaction's changes now (before the commit): what the database sets on the way (updated_at) is then known. */
    public void flush() {
        em.flush();
    }

    /**
     * Reads an entity this transaction already holds again, row-locked until the transaction ends: what other
     * transactions committed since it was first read counts (a query would hand back the instance as first read).
     */
    public void refreshLocked(T entity) {
        em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
    }
}
