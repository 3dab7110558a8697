package app.arv.persistence.project;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public Optional<Project> find(UUID organizationId, UUID id) {
        return em.createQuery("SELECT p FROM Project p WHERE p.organizationId = :org AND p.id = :id", Project.class)
                .setParameter("org", organizationId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The project, row-locked until the transaction ends (deletion and what attaches files to it take turns). */
    public Optional<Project> lock(UUID organizationId, UUID id) {
        return em.createQuery("SELECT p FROM Project p WHERE p.organizationId = :org AND p.id = :id", Project.class)
                .setParameter("org", organizationId).setParameter("id", id)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public boolean nameTaken(UUID organizationId, String name, UUID exceptId) {
        return em.createQuery("SELECT COUNT(p) FROM Project p WHERE p.organizationId = :org AND p.name = :name"
                + " AND p.id <> :except", Long.class)
                .setParameter("org", organizationId).setParameter("name", name)
                .setParameter("except", exceptId == null ? new UUID(0, 0) : exceptId)
                .getSingleResult() > 0;
    }

    public Page<Project> list(UUID organizationId, PageRequest page) {
        var items = em.createQuery(
                "SELECT p FROM Project p WHERE p.organizationId = :org ORDER BY p.createdAt, p.id", Project.class)
                .setParameter("org", organizationId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("SELECT COUNT(p) FROM Project p WHERE p.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult();
        return new Page<>(items, total, page.limit(), page.offset());
    }

    public Project add(Project project) {
        em.persist(project);
        return project;
    }

    public void remove(Project project) {
        em.remove(project);
    }
}
