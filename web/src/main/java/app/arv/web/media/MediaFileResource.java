package app.arv.web.media;

import app.arv.media.Download;
import app.arv.media.MediaService;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.Flag;
import app.arv.web.json.ItemsView;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.request.Idempotent;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

@Path("media")
@RequiresRole(CallerRole.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
public class MediaFileResource implements ApiDescription.Media {

    @Inject
    MediaService media;

    @Inject
    MultipartReader multipart;

    @Inject
    CurrentCaller caller;

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload images (multipart field 'files'); all are checked before any is stored. 201 lists them in "
            + "the order sent; Location is the first one's (the only one's, as a single file is sent)")
    @APIResponse(responseCode = "201", description = "The stored files (items); Location names the first")
    public Response upload(List<EntityPart> parts) {
        try (MultipartForm form = multipart.several(parts, MultipartReader.FILES_FIELD)) {
            List<MediaView> stored = media.upload(caller.get(), form.files()).stream().map(MediaView::summary).toList();
            // One Location for several new files: the first, as RFC 9110 asks for the primary resource; the body lists all.
            return Links.created(Links.media(stored.get(0).id()), new ItemsView<>(stored));
        }
    }

    @GET
    @Operation(summary = "List my organization's media library; used_by: how many owners (AR content, generation items...) "
            + "use each file besides the library")
    public PageView<MediaView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(media.list(caller.get(), paging.toRequest()), MediaView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One file of the library with its thumbnails and used_by (owners besides the library)")
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
            @QueryParam("redirect") String redirect, @Context Request request) {
        Download download = media.download(caller.get(), id, Flag.optional("redirect", redirect));
        return StoredObject.redirect(download).orElseGet(() -> StoredObject.of(download).conditional(request)
                .ranges(rangeHeader).cache("private, max-age=86400").noSniff()
                .inline(download.resource().getOriginalName()).build());
    }
}
