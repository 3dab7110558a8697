package app.arv.web.marker;

import app.arv.imaging.mind.PrintSuggester;
import app.arv.imaging.mind.quality.QualityPicture;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.Verdict;
import app.arv.marker.MarkerAnalyzer;
import app.arv.marker.QualityJson;
import app.arv.marker.QualityPictures;
import app.arv.media.SpooledFile;
import app.arv.security.CallerRole;
import app.arv.shared.Jsonp;
import app.arv.web.ApiDescription;
import app.arv.web.json.Flag;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Base64;
import java.util.List;

/** A marker quality check before printing or uploading, as a report or as a picture: the compiler runs, nothing is stored. */
@Path("markers")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class MarkerAnalysisResource implements ApiDescription.Markers {

    @Inject
    MarkerAnalyzer analyzer;

    @Inject
    QualityPictures pictures;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("analyze")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "200", description = "The quality report; 'suggestion' only with suggest=true",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "weak image", value = "{"
                    + "\"predicted_detection\": 0.412, \"score\": 48, \"verdict\": \"weak\", "
                    + "\"reasons\": [\"Few distinctive corners\"], \"width\": 1200, \"height\": 1600, "
                    + "\"total_features\": 310, \"coverage\": 0.55, \"largest_cell_share\": 0.21, "
                    + "\"tracking_points\": [80, 64, 41], "
                    + "\"scales\": [{\"scale\": 1.0, \"width\": 512, \"height\": 683, \"maxima\": 140, \"minima\": 131}], "
                    + "\"min_print_width_cm\": 9.5, \"spread\": 0.62, \"duplicate_share\": 0.08, \"contrast\": 41.3, "
                    + "\"flat_share\": 0.31, \"suggestion\": {\"predicted_detection\": 0.655, \"score\": 67, "
                    + "\"verdict\": \"good\", \"media_type\": \"image/png\", \"image_base64\": \"iVBORw0KGgo...\"}}")))
    @Operation(summary = "The marker quality report of an image (multipart field 'image'); nothing is stored. "
            + "suggest=true adds, for a weak or unusable image, 'suggestion': an enhanced print (PNG, base64) with its "
            + "own report, when it is predicted to be detected more often (null otherwise)")
    public JsonObject analyze(@QueryParam("suggest") String suggest, List<EntityPart> parts) {
        caller.get();
        boolean suggested = Flag.of("suggest", suggest);
        try (MultipartForm form = multipart.single(parts, ArContentResource.IMAGE_FIELD)) {
            SpooledFile image = form.requiredFile("missing_image", "the image");
            QualityReport report = analyzer.analyze(image);
            if (!suggested) {
                return QualityJson.of(report);
            }
            JsonObjectBuilder answer = Jsonp.createObjectBuilder(QualityJson.of(report));
            PrintSuggester.Suggestion suggestion = report.verdict() == Verdict.GOOD ? null : analyzer.suggest(image);
            if (suggestion == null || suggestion.report().predictedDetection() <= report.predictedDetection()) {
                return answer.addNull("suggestion").build();
            }
            return answer.add("suggestion", Jsonp.createObjectBuilder(QualityJson.of(suggestion.report()))
                    .add("media_type", "image/png")
                    .add("image_base64", Base64.getEncoder().encodeToString(suggestion.png()))).build();
        }
    }

    @POST
    @Path("analyze/picture")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({QualityPicture.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The quality picture (as GET /ar-content/{id}/quality.png) of an image in the multipart field "
            + "'image'; nothing is stored. The report itself is POST /markers/analyze")
    @APIResponse(responseCode = "200", description = "The picture, at the compiler's working size",
            content = @Content(mediaType = QualityPicture.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response picture(List<EntityPart> parts) {
        caller.get();
        try (MultipartForm form = multipart.single(parts, ArContentResource.IMAGE_FIELD)) {
            SpooledFile image = form.requiredFile("missing_image", "the image");
            return Response.ok(pictures.ofImage(image), QualityPicture.MEDIA_TYPE).build();
        }
    }
}
