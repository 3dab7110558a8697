package app.arv.web.marker;

import app.arv.imaging.mind.quality.QualityPicture;
import app.arv.marker.QualityPictures;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The marker quality report of AR content as a picture, drawn from its compiled {@code .mind}. */
@Path("ar-content/{id}/quality.png")
@RequiresRole(CallerRole.MEMBER)
public class QualityPictureResource implements ApiDescription.Markers {

    /** Keep it, but ask (If-None-Match) before using it: a recompiled marker changes the picture. */
    static final String CACHE_CONTROL = "private, no-cache";

    @Inject
    QualityPictures pictures;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({QualityPicture.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The marker's quality as a picture (PNG at the compiler's working size: the portrait's long side "
            + "at most 1024 px): the portrait muted, a heat map of how evenly the matching features cover it (blue: none, "
            + "green: even, red: crowded at twice the even density or more), the tracking points as magenta squares and "
            + "the matching features of the largest keyframe as white dots; ETag (If-None-Match answers 304); 409 marker_not_ready "
            + "until the marker is compiled")
    @APIResponse(responseCode = "200", description = "The picture",
            content = @Content(mediaType = QualityPicture.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Response picture(@PathParam("id") UUID id, @Context Request request) {
        // the tag is a database read; drawing takes a decode and a moment, so a client's copy is checked first
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(new EntityTag(pictures.tag(caller.get(), id)));
        if (unchanged != null) {
            return unchanged.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        QualityPictures.Picture picture = pictures.of(caller.get(), id);
        return Response.ok(picture.png(), QualityPicture.MEDIA_TYPE).tag(new EntityTag(picture.tag()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
