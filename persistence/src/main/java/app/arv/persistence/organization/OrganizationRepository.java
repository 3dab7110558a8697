package app.arv.persistence.organization;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

/** Organizations are the one aggregate that is not itself tenant-owned; only platform code lists them. */
@ApplicationScoped
public class OrganizationRepository extends EntityRepository<Organization> {

    public Optional<Organization> find(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id));
    }

    /** {@link #find}, row-locked until the transaction ends. */
    public Optional<Organization> lock(UUID id) {
        return em.createQuery("SELECT o FROM Organization o WHERE o.id = :id", Organization.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Whether the organization exists and is active: its people may sign in, its content is shown. */
    public boolean isActive(UUID id) {
        return find(id).map(Organization::isActive).orElse(false);
    }

    public Optional<Organization> findBySlug(String slug) {
        return em.createQuery("SELECT o FROM Organization o WHERE o.slug = :slug", Organization.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    public boolean slugTaken(String slug) {
        return findBySlug(slug).isPresent();
    }

    /**
     * {@link #slugTaken}, asked for opening an organization with the slug: the slug stays locked (a PostgreSQL advisory
     * lock) until the transaction ends, so of two openings with one slug at the same time the second waits, then finds
     * it taken.
     */
    public boolean slugTakenForOpening(String slug) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('arv:organization:slug'), hashtext(?1))").setParameter(1, slug)
                .getSingleResult();
        return slugTaken(slug);
    }

    public Page<Organization> list(PageRequest page) {
        return Page.of(em.createQuery("SELECT o FROM Organization o ORDER BY o.createdAt, o.id", Organization.class),
                em.createQuery("SELECT COUNT(o) FROM Organization o", Long.class), page);
    }

}
