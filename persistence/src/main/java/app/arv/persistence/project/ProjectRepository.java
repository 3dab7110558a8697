package app.arv.persistence.project;

import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.SearchText;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** An organization's projects. Deleting a project and attaching files to it take turns on its row lock ({@link #lock}). */
@ApplicationScoped
public class ProjectRepository extends TenantRepository<Project> {

    public ProjectRepository() {
        super(Project.class);
    }

    /**
     * Whether another project of the organization has this name — asked under the organization's project-name lock,
     * held until the transaction ends, so that of two requests giving one name at once the second waits and sees the first.
     */
    public boolean nameTaken(UUID organizationId, String name, UUID exceptId) {
        OrganizationScoped.holdLock(em, organizationId, "project-names");
        return OrganizationScoped.nameTaken(em, Project.class, organizationId, name, exceptId);
    }

    public Page<Project> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }

    /** Projects whose name or description contains the search, oldest first. */
    public Page<Project> search(UUID organizationId, SearchText search, PageRequest page) {
        String where = " FROM Project p WHERE p.organizationId = :org AND (" + SearchText.matches("p.name") + " OR "
                + SearchText.matches("COALESCE(p.description, '')") + ")";
        return Page.of(em.createQuery("SELECT p" + where + " ORDER BY p.createdAt, p.id", Project.class)
                .setParameter("org", organizationId).setParameter("search", search.pattern()),
                em.createQuery("SELECT COUNT(p)" + where, Long.class)
                        .setParameter("org", organizationId).setParameter("search", search.pattern()),
                page);
    }
}
