package app.arv.web.marker;

import app.arv.marker.ArContentService;
import app.arv.marker.MarkerRules;
import app.arv.media.SpooledFile;
import app.arv.persistence.media.MediaResource;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the viewer shows on a found marker: videos (MP4/WebM) or a GLB model; the last attached is active. */
@Path("ar-content/{id}/overlays")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class OverlayResource implements ApiDescription.Markers {

    static final String FILE_FIELD = "file";

    @Inject
    ArContentService contents;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @Inject
    MarkerRules rules;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a video (MP4/WebM) or GLB model (multipart field 'file', type sniffed) as the active overlay")
    public Response upload(@PathParam("id") UUID id, List<EntityPart> parts) {
        try (MultipartForm form = multipart.single(parts, FILE_FIELD, rules.overlayMaxBytes())) {
            SpooledFile file = form.requireFile("missing_file", "Send the overlay in the multipart field '" + FILE_FIELD + "'");
            return Response.status(Response.Status.CREATED)
                    .entity(ArContentView.of(contents.attachOverlay(caller.get(), id, file))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a GLB of the media library (media_id) the active overlay")
    public Response attachModel(@PathParam("id") UUID id, @Valid ModelOverlay request) {
        return Response.status(Response.Status.CREATED)
                .entity(ArContentView.of(contents.attachModelFromMedia(caller.get(), id, request.mediaId))).build();
    }

    @GET
    @Operation(summary = "Every overlay attached to the content (the active one is named in the content's overlay)")
    public Map<String, List<OverlayItem>> list(@PathParam("id") UUID id) {
        return Map.of("items", contents.overlays(caller.get(), id).stream().map(OverlayItem::of).toList());
    }

    public static class ModelOverlay {
        @NotNull
        public UUID mediaId;
    }

    public record OverlayItem(UUID mediaId, String mediaType, long sizeBytes, String originalName, String contentUrl) {

        static OverlayItem of(MediaResource r) {
            return new OverlayItem(r.getId(), r.getMediaType(), r.getSizeBytes(), r.getOriginalName(),
                    Links.mediaContent(r.getId()));
        }
    }
}
