package app.arv.persistence.project;

import app.arv.persistence.shared.OrganizationScoped;
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
        return OrganizationScoped.find(em, Project.class, organizationId, id);
    }

    /** The project, row-locked until the transaction ends (deletion and what attaches files to it take turns). */
    public Optional<Project> lock(UUID organizationId, UUID id) {
        return OrganizationScoped.lock(em, Project.class, organizationId, id);
    }

    public boolean nameTaken(UUID organizationId, String name, UUID exceptId) {
        return OrganizationScoped.nameTaken(em, Project.class, organizationId, name, exceptId);
    }

    public Page<Project> list(UUID organizationId, PageRequest page) {
        return OrganizationScoped.oldestFirst(em, Project.class, organizationId, page);
    }

    public Project add(Project project) {
        em.persist(project);
        return project;
    }

    public void remove(Project project) {
        em.remove(project);
    }
}
