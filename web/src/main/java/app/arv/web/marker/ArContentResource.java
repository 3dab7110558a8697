package app.arv.web.marker;

import app.arv.imaging.mind.quality.QualityPicture;
import app.arv.marker.ArContentService;
import app.arv.marker.ContentChange;
import app.arv.marker.ContentDetails;
import app.arv.marker.MarkerRules;
import app.arv.marker.QualityPictures;
import app.arv.marker.RecentViews;
import app.arv.media.Download;
import app.arv.media.SpooledFile;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.Flag;
import app.arv.web.json.ItemsView;
import app.arv.web.json.MailAddressParam;
import app.arv.web.json.MergePatch;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.media.StoredObject;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * AR content by its own id ({@code /ar-content/{id}}, with its image, marker, quality picture and overlays
 * below it); it is created and listed under its project ({@link ProjectArContentResource}).
 */
@Path("ar-content")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class ArContentResource implements ApiDescription.Markers {

    static final String IMAGE_FIELD = "image";

    static final String OVERLAY_FIELD = "file";

    /** Keep the quality picture, but ask (If-None-Match) before using it: a recompiled marker changes it. */
    static final String PICTURE_CACHE_CONTROL = "private, no-cache";

    @Inject
    ArContentService contents;

    @Inject
    QualityPictures pictures;

    @Inject
    MarkerRules rules;

    @Inject
    RecentViews recentViews;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{id}")
    @Operation(summary = "One AR content, with its viewer views in total (views_count) and in the last 30 days, UTC "
            + "(views_last_30_days, only here); its ETag is what a change's If-Match names")
    @APIResponse(responseCode = "200", description = "The AR content",
            content = @Content(schema = @Schema(implementation = ArContentView.class)))
    public Response get(@PathParam("id") UUID id) {
        ArContent content = contents.get(caller.get(), id);
        return Response.ok(ArContentView.of(content, recentViews.of(caller.get(), content.getId())))
                .tag(new EntityTag(content.revision())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change title, order and customer fields, schedule, expiry, published as a JSON merge patch: an absent "
            + "field stays, a field given as null is cleared (title and published cannot be: 422 required_field). With If-Match "
            + "(the ETag of GET or of an earlier change) a content whose details (these fields, the overlay, the portrait) "
            + "someone changed meanwhile is not changed: 412 precondition_failed. The compile job's writes (marker status, "
            + "result) change the ETag but are no conflict: a change from a reading taken while the marker compiled is made. "
            + "The answer carries the new ETag")
    @APIResponse(responseCode = "200", description = "The changed AR content",
            content = @Content(schema = @Schema(implementation = ArContentView.class)))
    public Response change(@PathParam("id") UUID id, @Valid ArContentChange request, @Context HttpHeaders http) {
        ArContent changed = contents.change(caller.get(), id, request.change(),
                DetailsPrecondition.of(http.getRequestHeader(HttpHeaders.IF_MATCH)));
        return Response.ok(ArContentView.of(changed)).tag(new EntityTag(changed.revision())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        contents.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace the portrait (multipart field 'image'); the marker is recompiled, the old one served meanwhile; "
            + "force=true builds it even if rated unusable")
    @APIResponse(responseCode = "202", description = "The AR content, its marker compiling again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.class)))
    public Response replaceImage(@PathParam("id") UUID id, @QueryParam("force") String force, List<EntityPart> parts) {
        boolean forced = Flag.of("force", force);
        try (MultipartForm form = multipart.single(parts, IMAGE_FIELD)) {
            return Response.accepted(ArContentView.of(contents.replaceImage(caller.get(), id, portrait(form), forced))).build();
        }
    }

    @GET
    @Path("{id}/marker")
    @Operation(summary = "Marker status, quality report and the .mind download URL")
    public ArContentView.MarkerView marker(@PathParam("id") UUID id) {
        return ArContentView.MarkerView.of(contents.get(caller.get(), id));
    }

    @POST
    @Path("{id}/marker/regenerate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compile the marker again (e.g. after a compiler upgrade); 409 while one is being compiled; "
            + "force=true builds it even if rated unusable")
    @APIResponse(responseCode = "202", description = "The marker, compiling",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.MarkerView.class)))
    public Response regenerate(@PathParam("id") UUID id, @QueryParam("force") String force) {
        boolean forced = Flag.of("force", force);
        return Response.accepted(ArContentView.MarkerView.of(contents.regenerate(caller.get(), id, forced))).build();
    }

    @GET
    @Path("{id}/marker/file")
    @Produces({"application/octet-stream", MediaType.APPLICATION_JSON})
    @Operation(summary = "The compiled MindAR target (.mind); 409 until the first compilation succeeded")
    public Response markerFile(@PathParam("id") UUID id) {
        ArContent content = contents.get(caller.get(), id);
        Download download = contents.markerFile(caller.get(), id);
        return StoredObject.of(download).type("application/octet-stream").attachment(content.getUniqueId() + ".mind")
                .tagged().build();
    }

    @GET
    @Path("{id}/quality.png")
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
    public Response qualityPicture(@PathParam("id") UUID id, @Context Request request) {
        // the tag is a database read; drawing takes a decode and a moment, so a client's copy is checked first
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(new EntityTag(pictures.tag(caller.get(), id)));
        if (unchanged != null) {
            return unchanged.header(HttpHeaders.CACHE_CONTROL, PICTURE_CACHE_CONTROL).build();
        }
        QualityPictures.Picture picture = pictures.of(caller.get(), id);
        return Response.ok(picture.png(), QualityPicture.MEDIA_TYPE).tag(new EntityTag(picture.tag()))
                .header(HttpHeaders.CACHE_CONTROL, PICTURE_CACHE_CONTROL).build();
    }

    // Overlays: what the viewer shows on a found marker, videos (MP4/WebM) or a GLB model; the last attached is active.

    @POST
    @Path("{id}/overlays")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a video (MP4/WebM) or GLB model (multipart field 'file', type sniffed) as the active overlay")
    @APIResponse(responseCode = "201", description = "The AR content with the overlay active; Location names the overlay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.class)))
    public Response attachOverlay(@PathParam("id") UUID id, List<EntityPart> parts) {
        try (MultipartForm form = multipart.single(parts, OVERLAY_FIELD, rules.overlayMaxBytes())) {
            SpooledFile file = form.requiredFile("missing_file", "the overlay");
            return overlayAttached(contents.attachOverlay(caller.get(), id, file));
        }
    }

    @POST
    @Path("{id}/overlays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a GLB of the media library (media_id) the active overlay")
    @APIResponse(responseCode = "201", description = "The AR content with the overlay active; Location names the overlay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArContentView.class)))
    public Response attachModelOverlay(@PathParam("id") UUID id, @Valid ModelOverlay request) {
        return overlayAttached(contents.attachModelFromMedia(caller.get(), id, request.mediaId));
    }

    /** 201 with the content, and in {@code Location} the overlay just made active. */
    private static Response overlayAttached(ArContent content) {
        return Links.created(Links.overlay(content.getId(), content.getOverlayMediaId()), ArContentView.of(content));
    }

    @GET
    @Path("{id}/overlays")
    @Operation(summary = "Every overlay attached to the content (the active one is named in the content's overlay)")
    public ItemsView<OverlayItem> overlays(@PathParam("id") UUID id) {
        return ItemsView.of(contents.overlays(caller.get(), id), OverlayItem::of);
    }

    @DELETE
    @Path("{id}/overlays/{mediaId}")
    @Operation(summary = "Remove one overlay of the content (its file is retired unless the media library or another "
            + "content holds it); removing the active overlay leaves none active")
    public Response removeOverlay(@PathParam("id") UUID id, @PathParam("mediaId") UUID mediaId) {
        contents.removeOverlay(caller.get(), id, mediaId);
        return Response.noContent().build();
    }

    /** The portrait of a multipart form, in the field {@value #IMAGE_FIELD}; 400 {@code missing_image} without one. */
    static SpooledFile portrait(MultipartForm form) {
        return form.requiredFile("missing_image", "the portrait");
    }

    static Response accepted(ArContent content) {
        return Links.accepted(Links.arContent(content.getId()), ArContentView.of(content));
    }

    /** The customer, order and schedule fields, the same when creating AR content and when changing it. */
    public static class ContentFields {
        @Size(max = 100)
        public String orderNumber;

        @Size(max = 200)
        public String customerName;

        @MailAddressParam
        @Size(max = 320)
        public String customerEmail;

        @Pattern(regexp = "[+0-9 ()./-]{3,40}")
        public String customerPhone;

        public Instant activeFrom;

        public Instant activeUntil;

        public Instant expiresAt;

        public Boolean published;

        ContentDetails details(String title) {
            return new ContentDetails(title, orderNumber, customerName, customerEmail, customerPhone, activeFrom,
                    activeUntil, expiresAt, published);
        }
    }

    /** The fields of new AR content; {@code media_id} only in the JSON form. */
    public static class NewArContent extends ContentFields {
        @NotBlank
        @Size(max = 200)
        public String title;

        public UUID mediaId;

        static NewArContent from(MultipartForm fields) {
            NewArContent request = new NewArContent();
            request.title = fields.value("title");
            request.orderNumber = fields.value("order_number");
            request.customerName = fields.value("customer_name");
            request.customerEmail = fields.value("customer_email");
            request.customerPhone = fields.value("customer_phone");
            request.activeFrom = instant(fields, "active_from");
            request.activeUntil = instant(fields, "active_until");
            request.expiresAt = instant(fields, "expires_at");
            request.published = Flag.optional("published", fields.value("published"));
            return request;
        }

        ContentDetails details() {
            return details(title);
        }
    }

    /**
     * A change as JSON merge patch ({@link MergePatch}): what the body names is changed, {@code null} clears. The fields
     * and their constraints are new content's ({@link ContentFields}), the title's too, but it may be left out.
     */
    public static class ArContentChange extends ContentFields implements MergePatch {
        @NotBlankWhenGiven
        @Size(max = 200)
        public String title;

        @JsonbTransient
        private Set<String> members = Set.of();

        @Override
        public void named(Set<String> members) {
            this.members = members;
        }

        ContentChange change() {
            return new ContentChange(details(title), MergePatch.given(members, ContentChange.Field.class));
        }
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

    private static Instant instant(MultipartForm fields, String name) {
        String value = fields.value(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("malformed_field", "'" + name + "' must be an ISO-8601 instant such as 2026-12-31T23:59:59Z");
        }
    }
}
