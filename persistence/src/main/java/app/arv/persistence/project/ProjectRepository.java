package app.arv.persistence.project;

import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** An organization's projects. Deleting a project and attaching files to it take turns on its row lock ({@link #lock}). */
@ApplicationScoped
public class ProjectRepository extends TenantRepository<Project> {

    public ProjectRepository() {
        super(Project.class);
    }

    public boolean nameTaken(UUID organizationId, String name, UUID exceptId) {
        return OrganizationScoped.nameTaken(em, Project.class, organizationId, name, exceptId);
    }

    public Page<Project> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }
}
