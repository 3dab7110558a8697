package app.arv.web.marker;

import app.arv.marker.MarkerPacks;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** A project's ready markers as one multi-target {@code .mind} (for a printed catalogue with one viewer). */
@Path("projects/{projectId}/marker-pack")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class MarkerPackResource implements ApiDescription.Markers {

    @Inject
    MarkerPacks packs;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "One multi-target .mind of the project's ready markers; target i is items[i]")
    @APIResponse(responseCode = "201", description = "The marker pack, stored as a media file; Location is its content")
    public Response pack(@PathParam("projectId") UUID projectId) {
        MarkerPacks.Pack pack = packs.build(caller.get(), projectId);
        String file = Links.mediaContent(pack.mind().getId());
        return Links.created(file, new PackView(pack.mind().getId(), pack.mind().getSizeBytes(), file,
                pack.contents().stream().map(c -> new PackView.Target(c.getId(), c.getUniqueId(), c.getTitle())).toList()));
    }

    public record PackView(UUID mediaId, long sizeBytes, String contentUrl, List<Target> items) {
        public record Target(UUID id, String uniqueId, String title) {
        }
    }
}
