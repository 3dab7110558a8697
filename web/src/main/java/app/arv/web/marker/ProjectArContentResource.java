package app.arv.web.marker;

import app.arv.marker.ArContentService;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.json.Flag;
import app.arv.web.json.ItemsView;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.Search;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.request.Idempotent;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/**
 * A project's AR content: created here (202, the marker compiles in the background), then
 * addressed as {@code /ar-content/{id}}. Its own root path (not a method of the projects resource)
 * so that JAX-RS matching picks it by the longer literal path.
 */
@Path("projects/{projectId}/ar-content")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectArContentResource implements ApiDescription.Markers {

    static final String IMAGES_FIELD = "images";

    @Inject
    ArContentService contents;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Create AR content from a portrait (multipart field 'image' plus the fields of the JSON form; "
            + "published is true or false, anything else 400 invalid_filter); "
            + "202: the marker is compiled in the background; force=true builds it even if rated unusable")
    @APIResponse(responseCode = "202", description = "The AR content; its marker compiles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.class)))
    public Response createWithImage(@PathParam("projectId") UUID projectId, @QueryParam("force") String force,
            List<EntityPart> parts) {
        boolean forced = Flag.of("force", force);
        try (MultipartForm fields = multipart.single(parts, ArContentResource.IMAGE_FIELD)) {
            ArContentResource.NewArContent request = multipart.validated(ArContentResource.NewArContent.from(fields));
            return ArContentResource.accepted(contents.create(caller.get(), projectId, ArContentResource.portrait(fields),
                    request.details(), forced));
        }
    }

    @POST
    @Idempotent
    @Path("batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Create one AR content per portrait (repeated multipart field 'images', titled by file name); "
            + "all are checked before any is stored, and one batch job compiles them all")
    @APIResponse(responseCode = "202", description = "The AR contents (items); their markers compile")
    public Response createBatch(@PathParam("projectId") UUID projectId, List<EntityPart> parts) {
        try (MultipartForm fields = multipart.several(parts, IMAGES_FIELD)) {
            return Response.accepted(ItemsView.of(contents.createBatch(caller.get(), projectId,
                    fields.requiredFiles("missing_image", "the portraits")), ArContentView::of)).build();
        }
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArContentResource.NewArContent.class), examples = @ExampleObject(name = "from the library",
                    value = "{\"title\": \"Anna, 40th birthday\", \"media_id\": \"0b6a7d1e-3c52-4f0e-9b8a-2d41c7e5f9a3\", "
                            + "\"order_number\": \"A-1042\", \"customer_email\": \"anna@example.com\", "
                            + "\"active_from\": \"2026-12-01T00:00:00Z\", \"expires_at\": \"2027-12-01T00:00:00Z\", \"published\": true}")))
    @Operation(summary = "Create AR content from an image of the media library (media_id); 202: compiled in the background; "
            + "force=true builds the marker even if rated unusable")
    @APIResponse(responseCode = "202", description = "The AR content; its marker compiles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.class)))
    public Response createFromMedia(@PathParam("projectId") UUID projectId, @QueryParam("force") String force,
            @Valid ArContentResource.NewArContent request) {
        boolean forced = Flag.of("force", force);
        if (request.mediaId == null) {
            throw DomainException.invalid("missing_image", "Name the portrait with media_id, or upload it as multipart");
        }
        return ArContentResource.accepted(contents.createFromMedia(caller.get(), projectId, request.mediaId, request.details(), forced));
    }

    @GET
    @Operation(summary = "List a project's AR content, oldest first; ?q= finds part of a title (any case), ?marker_status= "
            + "pending|compiling|ready|failed filters (another value: 400 invalid_filter)")
    public PageView<ArContentView> list(@PathParam("projectId") UUID projectId, @Valid @BeanParam Search search,
            @QueryParam("marker_status") String markerStatus, @Valid @BeanParam Paging paging) {
        return PageView.of(contents.list(caller.get(), projectId, search.text(), markerStatus, paging.toRequest()), ArContentView::of);
    }

}
