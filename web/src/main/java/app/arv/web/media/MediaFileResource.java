package app.arv.web.media;

import app.arv.shared.DomainException;
import app.arv.media.Download;
import app.arv.media.MediaService;
import app.arv.media.RangeRequest;
import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import app.arv.media.UploadRules;
import app.arv.persistence.media.MediaResource;
import app.arv.security.CallerRole;
import app.arv.storage.ByteRange;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.problem.Problem;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.request.Idempotent;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("media")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class MediaFileResource {

    static final String FILES_FIELD = "files";

    @Inject
    MediaService media;

    @Inject
    Spool spool;

    @Inject
    UploadRules rules;

    @Inject
    CurrentCaller caller;

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload images (multipart field 'files'); all are checked before any is stored")
    public Response upload(List<EntityPart> parts) {
        List<SpooledFile> files = new ArrayList<>();
        try {
            for (EntityPart part : parts) {
                if (!FILES_FIELD.equals(part.getName())) {
                    continue;
                }
                if (files.size() == rules.maxFiles()) {
                    throw DomainException.tooManyFiles(rules.maxFiles());
                }
                try (InputStream content = part.getContent()) {
                    files.add(spool.take(part.getFileName().orElse(null), content, rules.maxFileBytes()));
                } catch (IOException e) {
                    throw new BadRequestException(e);
                }
            }
            List<MediaView> stored = media.upload(caller.get(), files).stream().map(MediaView::summary).toList();
            return Response.status(Response.Status.CREATED).entity(Map.of("items", stored)).build();
        } finally {
            files.forEach(SpooledFile::close);
        }
    }

    @GET
    @Operation(summary = "List my organization's media library")
    public PageView<MediaView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(media.list(caller.get(), paging.toRequest()), MediaView::summary);
    }

    @GET
    @Path("{id}")
    public MediaView get(@PathParam("id") UUID id) {
        return MediaView.of(media.get(caller.get(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove from the library; the file is deleted when nothing else uses it")
    public Response delete(@PathParam("id") UUID id) {
        media.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The bytes: ETag/Last-Modified, conditional GET, single Range; S3 may answer 302 to a presigned URL")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String rangeHeader,
                            @QueryParam("redirect") Boolean redirect, @Context Request request) {
        Download download = media.download(caller.get(), id, redirect);
        if (download.redirect() != null) {
            return Response.status(Response.Status.FOUND).location(download.redirect())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        MediaResource resource = download.resource();
        // The content never changes under an id: its hash is a strong validator.
        EntityTag etag = new EntityTag(resource.getSha256());
        Date lastModified = Date.from(resource.getCreatedAt().truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, etag);
        if (unchanged != null) {
            return unchanged.tag(etag).lastModified(lastModified).header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").build();
        }
        long size = resource.getSizeBytes();
        RangeRequest range = RangeRequest.parse(rangeHeader, size);
        if (range.kind() == RangeRequest.Kind.UNSATISFIABLE) {
            return Response.fromResponse(Problem.of(416, "range_not_satisfiable",
                            "The range lies outside the " + size + " bytes of this media").toResponse())
                    .header("Content-Range", "bytes */" + size).build();
        }
        ByteRange bytes = range.range().orElse(null);
        StreamingOutput body = out -> {
            try (InputStream in = download.target().store().open(resource.getStorageKey(), bytes)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(bytes == null ? 200 : 206).entity(body)
                .type(resource.getMediaType())
                .tag(etag).lastModified(lastModified)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, bytes == null ? size : bytes.length())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", contentDisposition(resource.getOriginalName()));
        if (bytes != null) {
            response.header("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/" + size);
        }
        return response.build();
    }

    /** RFC 6266: an ASCII fallback plus the real (already sanitized) name, percent-encoded. */
    private static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
