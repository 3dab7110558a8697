package app.arv.web.project;

import app.arv.persistence.project.Project;
import app.arv.project.ProjectService;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.Search;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.UUID;

@Path("projects")
@RequiresRole(CallerRole.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource implements ApiDescription.Projects {

    @Inject
    ProjectService projects;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List my organization's projects, oldest first; ?q= finds part of a name or description (any case)")
    public PageView<ProjectView> list(@Valid @BeanParam Search search, @Valid @BeanParam Paging paging) {
        return PageView.of(projects.list(caller.get(), search.text(), paging.toRequest()), ProjectView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The created project; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    public Response create(@Valid NewProject request) {
        Project project = projects.create(caller.get(), request.name, request.description);
        return Links.created(Links.project(project.getId()), ProjectView.of(project));
    }

    @GET
    @Path("{id}")
    public ProjectView get(@PathParam("id") UUID id) {
        return ProjectView.of(projects.get(caller.get(), id));
    }

    @PATCH
    @Path("{id}")
    public ProjectView change(@PathParam("id") UUID id, @Valid ProjectChange request) {
        return ProjectView.of(projects.change(caller.get(), id, request.name, request.description));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        projects.delete(caller.get(), id);
        return Response.noContent().build();
    }

    /** The description, the same when creating a project and when changing it. */
    public static class ProjectFields {
        @Size(max = 2000)
        public String description;
    }

    public static class NewProject extends ProjectFields {
        @NotBlank
        @Size(max = 200)
        public String name;
    }

    public static class ProjectChange extends ProjectFields {
        @NotBlankWhenGiven
        @Size(max = 200)
        public String name;
    }

    public record ProjectView(UUID id, String name, String description, Instant createdAt, Instant updatedAt) {

        static ProjectView of(Project p) {
            return new ProjectView(p.getId(), p.getName(), p.getDescription(), p.getCreatedAt(), p.getUpdatedAt());
        }
    }
}
