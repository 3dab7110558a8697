package app.arv.web.viewer;

import app.arv.marker.MarkerFiles;
import app.arv.marker.ViewerRateLimit;
import app.arv.marker.ViewerService;
import app.arv.persistence.media.MediaResource;
import app.arv.web.problem.Problem;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;

/**
 * The public viewer's API: no credentials, only the unique id, limited per client address. The
 * manifest counts a view; the marker and overlay files it points to do not.
 */
@Path("viewer/{uniqueId}")
@Public
@Produces(MediaType.APPLICATION_JSON)
public class ViewerResource {

    @Inject
    ViewerService viewer;

    @Inject
    ViewerRateLimit rateLimit;

    @Inject
    MarkerFiles files;

    @Context
    HttpServletRequest request;

    @GET
    @Path("manifest")
    @Operation(summary = "What the viewer needs: the .mind URL, the overlay URL and type, the target size (counts a view)")
    public Response manifest(@PathParam("uniqueId") String uniqueId) {
        Response limited = limited();
        if (limited != null) {
            return limited;
        }
        ViewerService.Showing showing = viewer.view(uniqueId);
        return Response.ok(ViewerManifest.of(showing)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("marker.mind")
    @Produces({"application/octet-stream", MediaType.APPLICATION_JSON})
    public Response marker(@PathParam("uniqueId") String uniqueId) {
        Response limited = limited();
        return limited != null ? limited : file(viewer.showing(uniqueId).marker(), "application/octet-stream");
    }

    @GET
    @Path("overlay")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public Response overlay(@PathParam("uniqueId") String uniqueId) {
        Response limited = limited();
        if (limited != null) {
            return limited;
        }
        MediaResource overlay = viewer.showing(uniqueId).overlay()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("This AR content has no overlay"));
        return file(overlay, overlay.getMediaType());
    }

    private Response limited() {
        long retryAfter = rateLimit.refusal(request.getRemoteAddr());
        if (retryAfter == 0) {
            return null;
        }
        return Response.fromResponse(Problem.of(429, "rate_limited", "Too many requests; try again in " + retryAfter + " s")
                .toResponse()).header("Retry-After", retryAfter).build();
    }

    private Response file(MediaResource resource, String type) {
        StreamingOutput body = out -> {
            try (InputStream in = files.open(resource)) {
                in.transferTo(out);
            }
        };
        // Content never changes under a media id; the manifest names the current one.
        return Response.ok(body, type).header(HttpHeaders.CONTENT_LENGTH, resource.getSizeBytes())
                .tag(resource.getSha256()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
