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
import jakarta.ws.rs.core.MediaType;
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

    @Inject
    QualityPictures pictures;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({QualityPicture.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The marker's quality as a picture (PNG at the compiler's working size: the portrait's long side "
            + "at most 1024 px): the portrait muted, a heat map of how evenly the matching features cover it (blue: none, "
            + "green: even, red: crowded at twice the even density or more), the tracking points as magenta squares and "
            + "the matching features of the largest keyframe as white dots; 409 marker_not_ready until the marker is compiled")
    @APIResponse(responseCode = "200", description = "The picture",
            content = @Content(mediaType = QualityPicture.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Response picture(@PathParam("id") UUID id) {
        return Response.ok(pictures.of(caller.get(), id), QualityPicture.MEDIA_TYPE).header("Cache-Control", "private, no-cache").build();
    }
}
