package app.arv.web.generation;

import app.arv.generation.ArchiveEntry;
import app.arv.generation.GenerationArchive;
import app.arv.generation.GenerationEventHub;
import app.arv.generation.GenerationService;
import app.arv.generation.JobDetails;
import app.arv.generation.JobEvent;
import app.arv.generation.ModelFileName;
import app.arv.generation.NewGeneration;
import app.arv.generation.UsdzModels;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.media.Download;
import app.arv.media.MediaStore;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.Flag;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.json.SnakeCaseOf;
import app.arv.web.json.WholeNumberParam;
import app.arv.web.media.ContentDisposition;
import app.arv.web.media.MultipartForm;
import app.arv.web.media.MultipartReader;
import app.arv.web.media.StoredArchive;
import app.arv.web.media.StoredObject;
import app.arv.web.request.Idempotent;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/** Image -> 3D generation jobs: accepted here (202), made in the background by the queue workers. */
@Path("generations")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource implements ApiDescription.Generations {

    @Inject
    GenerationService generations;

    @Inject
    MediaStore files;

    @Inject
    UsdzModels usdz;

    @Inject
    GenerationEventHub hub;

    @Inject
    StreamDeliveries deliveries;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Generate a 3D model of each uploaded image (multipart 'files', 1-25, plus face_limit, texture, "
            + "provider, priority, project_id); 202 with the queued job")
    @APIResponse(responseCode = "202", description = "The job, queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationView.class)))
    public Response createFromUploads(List<EntityPart> parts) {
        try (MultipartForm form = multipart.several(parts, MultipartReader.FILES_FIELD)) {
            NewGenerationRequest request = multipart.validated(NewGenerationRequest.from(form, multipart));
            return accepted(generations.submitUploads(caller.get(), form.files(), request.toNew()));
        }
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a 3D model of each named image of the media library (media_ids); 202 with the queued job")
    @APIResponse(responseCode = "202", description = "The job, queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationView.class)))
    public Response createFromMedia(@Valid NewGenerationRequest request) {
        if (request.mediaIds == null || request.mediaIds.isEmpty()) {
            throw DomainException.invalid("no_files", "Name one or more images with media_ids, or upload them as multipart 'files'");
        }
        return accepted(generations.submitMedia(caller.get(), request.mediaIds, request.toNew()));
    }

    @GET
    @Operation(summary = "My organization's generation jobs, newest first; ?status= queued|processing|completed|failed|cancelled filters "
            + "(another value: 400 invalid_filter)")
    public PageView<GenerationView> list(@QueryParam("status") String status, @Valid @BeanParam Paging paging) {
        return PageView.of(generations.list(caller.get(), status, paging.toRequest()), GenerationView::summary);
    }

    @GET
    @Path("{job}")
    @Operation(summary = "A job: status, counts, progress and every item with its error or result links")
    public GenerationView get(@PathParam("job") UUID job) {
        return GenerationView.of(generations.get(caller.get(), job));
    }

    @POST
    @Path("{job}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel the job's queued and running items; finished models stay")
    public GenerationView cancel(@PathParam("job") UUID job) {
        return GenerationView.of(generations.cancel(caller.get(), job));
    }

    @POST
    @Path("{job}/items/{item}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Queue a failed item again; 202 with the job")
    @APIResponse(responseCode = "202", description = "The job, the item queued again; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationView.class)))
    public Response retry(@PathParam("job") UUID job, @PathParam("item") UUID item) {
        return accepted(generations.retry(caller.get(), job, item));
    }

    @GET
    @Path("{job}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events of the job: progress, item_completed, item_failed, completed (then the stream "
            + "ends), heartbeat every 15 s; Last-Event-ID resumes after that event")
    public void events(@PathParam("job") UUID job, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        JobDetails details = generations.get(caller.get(), job);
        String finalSummary = details.job().getStatus().isFinal()
                ? JobEvent.completed(details.job().getStatus(), details.counts()).data().toString()
                : null;
        new JobEventStream(job, lastEventId, sink, sse, hub, caller.credentialCheck(), deliveries,
                deliveries.endings()).start(finalSummary);
    }

    @GET
    @Path("{job}/items/{item}/model")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The item's GLB (302 to the storage, or streamed)")
    public Response model(@PathParam("job") UUID job, @PathParam("item") UUID item, @QueryParam("redirect") String redirect) {
        return send(generations.download(caller.get(), job, item, false, Flag.optional("redirect", redirect)));
    }

    @GET
    @Path("{job}/items/{item}/model.usdz")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The item's model as USDZ, for iOS's AR Quick Look (model-viewer's ios-src): converted from its GLB on "
            + "request, never redirected; ETag derived from the GLB's and the converter's version (409 not_generated as the GLB, "
            + "422 model_not_convertible for a GLB USDZ cannot carry, e.g. compressed meshes; 503 busy with Retry-After when the "
            + "node's conversions are all taken)")
    @APIResponse(responseCode = "200", description = "The USDZ (a STORED zip: model.usda and its textures, the GLB's JPEGs and PNGs as they are)",
            content = @Content(mediaType = UsdzModels.MEDIA_TYPE))
    @APIResponse(responseCode = "304", description = "Unchanged (If-None-Match)")
    @APIResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    @APIResponse(responseCode = "503", ref = "#/components/responses/Unavailable")
    public Response usdz(@PathParam("job") UUID job, @PathParam("item") UUID item, @Context Request request) {
        Download glb = generations.download(caller.get(), job, item, false, false);
        EntityTag etag = new EntityTag(UsdzModels.tag(glb.resource().getSha256()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.tag(etag).build();
        }
        var file = usdz.of(glb.resource()); // a temporary file, deleted once sent
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                UsdzModels.delete(file);
            }
        };
        return Response.ok(body, UsdzModels.MEDIA_TYPE).tag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(ModelFileName.of(glb.resource().getOriginalName()).usdz()))
                .build();
    }

    @GET
    @Path("{job}/items/{item}/preview")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The item's preview image (302 to the storage, or streamed)")
    public Response preview(@PathParam("job") UUID job, @PathParam("item") UUID item, @QueryParam("redirect") String redirect) {
        return send(generations.download(caller.get(), job, item, true, Flag.optional("redirect", redirect)));
    }

    @GET
    @Path("{job}/archive")
    @Produces(StoredArchive.MEDIA_TYPE)
    @Operation(summary = "A ZIP of the job's finished models (NN-name.glb), their rendered previews (previews/NN-name.png) "
            + "and manifest.json (every item: position, source, status, error, model, preview), streamed one stored "
            + "object after the other; a stored object the storage sends short or long ends the ZIP there, without its "
            + "central directory, so no unpacker takes it for whole (the 200 is sent by then: retry the download)")
    public Response archive(@PathParam("job") UUID job) {
        GenerationArchive archive = generations.archive(caller.get(), job);
        StoredArchive zip = StoredArchive.from(files::open).text(GenerationArchive.MANIFEST, archive.manifest().toString());
        for (ArchiveEntry entry : archive.files()) {
            zip.stored(entry.name(), entry.stored());
        }
        return zip.download("generation-" + job + ".zip");
    }

    private static Response send(Download download) {
        return StoredObject.redirect(download).orElseGet(() -> StoredObject.of(download).noSniff()
                .attachment(download.resource().getOriginalName()).build());
    }

    private static Response accepted(JobDetails details) {
        return Links.accepted(Links.generation(details.job().getId()), GenerationView.of(details));
    }

    /** The options of a job; from a JSON body (with media_ids) or from the fields of a multipart upload. */
    public static class NewGenerationRequest {
        /** How many is the service's rule ({@code ARV_MEDIA_MAX_FILES}, as for uploaded files), not a copy here. */
        @Size(min = 1)
        public List<UUID> mediaIds;

        @Min(GenerationOptions.MIN_FACE_LIMIT)
        @Max(GenerationOptions.MAX_FACE_LIMIT)
        public Integer faceLimit;

        @SnakeCaseOf(TextureQuality.class)
        public String texture;

        @Pattern(regexp = "[a-z0-9-]{1,32}")
        public String provider;

        @SnakeCaseOf(GenerationPriority.class)
        public String priority;

        public UUID projectId;

        /** From the fields of a multipart upload; {@code face_limit} is checked as text first ({@link FaceLimitField}). */
        static NewGenerationRequest from(MultipartForm form, MultipartReader multipart) {
            NewGenerationRequest request = new NewGenerationRequest();
            request.faceLimit = multipart.validated(new FaceLimitField(form.value("face_limit"))).number();
            request.texture = form.value("texture");
            request.provider = form.value("provider");
            request.priority = form.value("priority");
            String project = form.value("project_id");
            try {
                request.projectId = project == null ? null : UUID.fromString(project);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("invalid_project_id", "project_id must be a UUID");
            }
            return request;
        }

        /** The options parsed, once validated. */
        NewGeneration toNew() {
            return new NewGeneration(faceLimit, parsed(TextureQuality.class, texture), provider,
                    parsed(GenerationPriority.class, priority), projectId);
        }

        private static <E extends Enum<E>> E parsed(Class<E> type, String name) {
            return name == null ? null : SnakeCaseEnum.parse(type, name).orElseThrow();
        }

    }

    /**
     * {@code face_limit} as a multipart field sends it: text, checked as a whole number within the options' bounds before
     * it is read, so that text that is not one ({@code abc}, {@code 1.5}) is refused as a number out of range is, 400
     * {@code validation_failed} naming {@code face_limit}.
     */
    static final class FaceLimitField {
        @WholeNumberParam(min = GenerationOptions.MIN_FACE_LIMIT, max = GenerationOptions.MAX_FACE_LIMIT)
        final String faceLimit;

        FaceLimitField(String faceLimit) {
            this.faceLimit = faceLimit;
        }

        /** The number; only once validated. */
        Integer number() {
            return faceLimit == null ? null : Integer.valueOf(faceLimit);
        }
    }
}
