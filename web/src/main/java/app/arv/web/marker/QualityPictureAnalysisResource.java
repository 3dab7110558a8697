package app.arv.web.marker;

import app.arv.imaging.mind.quality.QualityPicture;
import app.arv.marker.QualityPictures;
import app.arv.media.SpooledFile;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The quality picture of a photo before it is printed or uploaded: compiled, drawn, nothing stored. */
@Path("markers/analyze/picture")
@RequiresRole(CallerRole.MEMBER)
public class QualityPictureAnalysisResource implements ApiDescription.Markers {

    static final String IMAGE_FIELD = "image";

    @Inject
    QualityPictures pictures;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({QualityPicture.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The quality picture (as GET /ar-content/{id}/quality.png) of an image in the multipart field "
            + "'image'; nothing is stored. The report itself is POST /markers/analyze")
    @APIResponse(responseCode = "200", description = "The picture, at the compiler's working size",
            content = @Content(mediaType = QualityPicture.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response picture(List<EntityPart> parts) {
        caller.get();
        try (MultipartForm form = multipart.single(parts, IMAGE_FIELD)) {
            SpooledFile image = form.requireFile("missing_image", "Send the image in the multipart field '" + IMAGE_FIELD + "'");
            return Response.ok(pictures.ofImage(image), QualityPicture.MEDIA_TYPE).build();
        }
    }
}
