package app.arv.web.media;

import app.arv.media.DirectUploads;
import app.arv.media.MediaService;
import app.arv.persistence.media.MediaUpload;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Direct-to-storage uploads (S3 connections): announce, PUT to the presigned URL, complete. */
@Path("media/uploads")
@RequiresRole(CallerRole.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MediaUploadResource implements ApiDescription.Media {

    @Inject
    DirectUploads uploads;

    @Inject
    MediaService media;

    @Inject
    CurrentCaller caller;

    @POST
    @RateLimit(RateLimit.Policy.UPLOAD)
    @Operation(summary = "Announce a direct upload; answers a presigned PUT URL. Location is the upload: once the bytes are "
            + "PUT, POST {Location}/complete")
    @APIResponse(responseCode = "201", description = "Where to PUT the file; Location names the upload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    public Response start(@Valid NewUpload request) {
        DirectUploads.Started started = uploads.start(caller.get(), request.fileName, request.sizeBytes, request.sha256);
        UUID id = started.upload().getId();
        return Links.created(Links.mediaUpload(id), new UploadView(id, "PUT", started.url(), started.upload().getExpiresAt()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where an announced upload stands: pending until completed (then the media it became), expired once"
            + " its URL has lapsed uncompleted")
    public UploadState get(@PathParam("id") UUID id) {
        return UploadState.of(uploads.find(caller.get(), id), Instant.now());
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Verify the uploaded object (size, SHA-256, type, image rules) and register it")
    @APIResponse(responseCode = "201", description = "The media file; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    public Response complete(@PathParam("id") UUID id) {
        var resource = uploads.complete(caller.get(), id);
        return Links.created(Links.media(resource.getId()), MediaView.of(media.get(caller.get(), resource.getId())));
    }

    public static class NewUpload {
        @NotBlank
        @Size(max = 1000)
        public String fileName;

        @NotNull
        @Positive
        public Long sizeBytes;

        @NotNull
        @Pattern(regexp = "[0-9a-fA-F]{64}")
        public String sha256;
    }

    public record UploadView(UUID uploadId, String method, URI url, Instant expiresAt) {
    }

    /** @param mediaId the media the upload became, once completed */
    public record UploadState(UUID uploadId, String fileName, long sizeBytes, String sha256, String state, Instant expiresAt,
            UUID mediaId) {

        static UploadState of(MediaUpload upload, Instant now) {
            String state = upload.isCompleted() ? "completed" : upload.getExpiresAt().isAfter(now) ? "pending" : "expired";
            return new UploadState(upload.getId(), upload.getOriginalName(), upload.getDeclaredSize(), upload.getDeclaredSha256(),
                    state, upload.getExpiresAt(), upload.getCompletedMediaId());
        }
    }
}
