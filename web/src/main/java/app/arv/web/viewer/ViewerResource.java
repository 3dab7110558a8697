package app.arv.web.viewer;

import app.arv.marker.ViewerService;
import app.arv.media.MediaStore;
import app.arv.persistence.media.MediaResource;
import app.arv.web.ApiDescription;
import app.arv.web.media.StoredObject;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public viewer's API: no credentials, only the unique id, limited per client address (by the
 * API's rate limit filter, at the viewer's own limit). The manifest counts a view, and against the limit;
 * the marker and overlay files it points to do neither, unless they miss ({@link RateLimit.Policy#VIEWER_FILE}).
 */
@Path("viewer/{uniqueId}")
@Public
@RateLimit(RateLimit.Policy.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public class ViewerResource implements ApiDescription.Viewer {

    @Inject
    ViewerService viewer;

    @Inject
    MediaStore files;

    @GET
    @Path("manifest")
    @Operation(summary = "What the viewer needs: the .mind URL, the overlay URL and type, the target size (counts a view)")
    public Response manifest(@PathParam("uniqueId") String uniqueId) {
        ViewerService.Showing showing = viewer.view(uniqueId);
        return Response.ok(ViewerManifest.of(showing)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("marker.mind")
    @RateLimit(RateLimit.Policy.VIEWER_FILE)
    @Produces({"application/octet-stream", MediaType.APPLICATION_JSON})
    public Response marker(@PathParam("uniqueId") String uniqueId, @Context Request request) {
        return file(viewer.showing(uniqueId).marker(), "application/octet-stream", request).build();
    }

    @GET
    @Path("overlay")
    @RateLimit(RateLimit.Policy.VIEWER_FILE)
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public Response overlay(@PathParam("uniqueId") String uniqueId, @Context Request request,
            @HeaderParam("Range") String range) {
        MediaResource overlay = viewer.showing(uniqueId).overlay()
                .orElseThrow(() -> new NotFoundException("This AR content has no overlay"));
        // In ranges: a browser's <video> (iOS Safari above all) asks for the file piece by piece.
        return file(overlay, overlay.getMediaType(), request).ranges(range).build();
    }

    private StoredObject file(MediaResource resource, String type, Request request) {
        // The address stays when the content changes (a recompiled marker, a new overlay) or stops showing (unpublished,
        // expired, its organization deactivated): every use asks again, and the ETag makes an unchanged file a 304. No
        // shared cache may keep it, so a take-down takes effect at once.
        return StoredObject.of(resource, files).type(type).conditional(request).cache("private, no-cache").noSniff();
    }
}
