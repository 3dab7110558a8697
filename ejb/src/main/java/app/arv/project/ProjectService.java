package app.arv.project;

import app.arv.media.MediaStore;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.project.Project;
import app.arv.persistence.project.ProjectRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.SearchText;
import app.arv.platform.ApplicationMetric;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.UUID;

@Stateless
public class ProjectService {

    @Inject
    ProjectRepository projects;

    @Inject
    ArContentRepository arContents;

    @Inject
    MediaStore files;

    @Inject
    MetricRegistry metrics;

    /** @param search part of a name or description, any case; blank for every project */
    public Page<Project> list(Caller caller, String search, PageRequest page) {
        return projects.search(caller.organizationId(), SearchText.of(search), page);
    }

    public Project get(Caller caller, UUID id) {
        return projects.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Project"));
    }

    public Project create(Caller caller, String name, String description) {
        requireFreeName(caller, name.strip(), null);
        Project project = projects.add(new Project(caller.organizationId(), name.strip(), description));
        ApplicationMetric.PROJECTS_CREATED.counter(metrics).inc();
        return project;
    }

    public Project change(Caller caller, UUID id, String name, String description) {
        // Locked: the whole row is written back, so a change committed after a plain read would be undone.
        Project project = projects.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Project"));
        if (name != null) {
            requireFreeName(caller, name.strip(), id);
            project.rename(name.strip());
        }
        if (description != null) {
            project.describe(description);
        }
        return project;
    }

    /**
     * Only an empty project can go: its AR content owns stored files, which are retired through the
     * content's own deletion; a cascade in the database would leave them behind. The files the
     * project itself holds (its marker packs) are released with it, and retired when nothing else uses them.
     */
    public void delete(Caller caller, UUID id) {
        UUID org = caller.organizationId();
        // Locked: a marker pack being recorded for the project waits, then finds it gone.
        Project project = projects.lock(org, id).orElseThrow(() -> DomainException.notFound("Project"));
        if (arContents.anyInProject(org, id)) {
            throw DomainException.conflict("project_not_empty", "Delete the project's AR content first");
        }
        files.releaseAll(org, OwnerKind.PROJECT, id);
        projects.remove(project);
    }

    private void requireFreeName(Caller caller, String name, UUID except) {
        if (projects.nameTaken(caller.organizationId(), name, except)) {
            throw DomainException.conflict("project_name_taken", "A project named '" + name + "' already exists");
        }
    }
}
