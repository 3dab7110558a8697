package app.arv.web.generation;

import app.arv.generation.GenerationAdmin;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operating generation: what the queues and the node look like, and removing old jobs. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationAdminResource implements ApiDescription.Admin {

    @Inject
    GenerationAdmin admin;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("system-info")
    @RequiresRole(CallerRole.PLATFORM_ADMIN)
    @Operation(summary = "Generation queue depths and DLQ size (browsed from the broker), workers busy, disk and memory of this node")
    public GenerationAdmin.SystemInfo systemInfo() {
        return admin.systemInfo();
    }

    @POST
    @Path("cleanup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(CallerRole.ORG_ADMIN)
    @Operation(summary = "Delete my organization's generation jobs finished more than older_than_hours ago, with their files")
    public CleanupView cleanup(@Valid CleanupRequest request) {
        GenerationAdmin.Cleanup done = admin.cleanup(caller.get(), request.olderThanHours);
        return new CleanupView(done.jobsDeleted(), done.itemsDeleted(), done.filesRetired());
    }

    public static class CleanupRequest {
        @NotNull
        @Min(0)
        @Max(87_600)
        public Integer olderThanHours;
    }

    public record CleanupView(int jobsDeleted, int itemsDeleted, int filesDeleted) {
    }
}
