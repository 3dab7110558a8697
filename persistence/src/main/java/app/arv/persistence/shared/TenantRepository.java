package app.arv.persistence.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * What every repository of one kind of tenant data does alike: one entity by id within its organization
 * (row-locked or not), adding and removing one, and a page of the organization's entities, oldest first. The
 * queries themselves are {@link OrganizationScoped}'s; a subclass adds what is particular to its entity.
 */
public abstract class TenantRepository<T extends OrganizationOwned> extends EntityRepository<T> {

    private final Class<T> type;

    protected TenantRepository(Class<T> type) {
        this.type = type;
    }

    /** The entity with this id if it belongs to the organization; another tenant's is not found. */
    public Optional<T> find(UUID organizationId, UUID id) {
        return OrganizationScoped.find(em, type, organizationId, id);
    }

    /**
     * {@link #find}, row-locked until the transaction ends. An entity this transaction read before comes back as it was
     * read then (the persistence context keeps its instance): read it again with {@link #refreshLocked}.
     */
    public Optional<T> lock(UUID organizationId, UUID id) {
        return OrganizationScoped.lock(em, type, organizationId, id);
    }

    /**
     * {@link #find}, share-locked until the transaction ends: for adding something that refers to the entity, so that
     * a concurrent deletion either waits for the addition (and then sees it) or has come first (and this finds nothing).
     */
    public Optional<T> share(UUID organizationId, UUID id) {
        return OrganizationScoped.share(em, type, organizationId, id);
    }

    public void remove(T entity) {
        em.remove(entity);
    }

    /** The organization's entities, oldest first (ties by id, so pages never overlap). */
    protected Page<T> oldestFirst(UUID organizationId, PageRequest page) {
        return OrganizationScoped.oldestFirst(em, type, organizationId, page);
    }
}
