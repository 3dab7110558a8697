package app.arv.web.media;

import app.arv.media.Download;
import app.arv.media.MediaStore;
import app.arv.media.RangeRequest;
import app.arv.persistence.media.MediaResource;
import app.arv.storage.ByteRange;
import app.arv.web.problem.Problem;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * The response that hands out a stored object: its bytes streamed from the store (never buffered),
 * with the headers each endpoint chooses — type, disposition, a strong ETag from the content hash,
 * cache policy, conditional GET and a single byte range — or a redirect to a presigned URL.
 */
public final class StoredObject {

    /** Opens the object's bytes, the whole of them for a {@code null} range. */
    @FunctionalInterface
    private interface Opener {
        InputStream open(ByteRange range) throws IOException;
    }

    private final MediaResource resource;
    private final Opener opener;
    private String type;
    private String disposition;
    private boolean tagged;
    private boolean noSniff;
    private String cacheControl;
    private Request conditional;
    private boolean ranged;
    private String rangeHeader;

    private StoredObject(MediaResource resource, Opener opener) {
        this.resource = resource;
        this.opener = opener;
        this.type = resource.getMediaType();
    }

    /** 302 to the download's presigned URL (never cached), when it has one. */
    public static Optional<Response> redirect(Download download) {
        return Optional.ofNullable(download.redirect()).map(url -> Response.status(Response.Status.FOUND).location(url)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /** Streamed from the download's store, which can serve byte ranges. */
    public static StoredObject of(Download download) {
        MediaResource resource = download.resource();
        return new StoredObject(resource, range -> download.target().store().open(resource.getStorageKey(), range));
    }

    /** Streamed from wherever the resource lives, which can serve byte ranges. */
    public static StoredObject of(MediaResource resource, MediaStore files) {
        return new StoredObject(resource, range -> files.open(resource, range));
    }

    public StoredObject type(String mediaType) {
        this.type = mediaType;
        return this;
    }

    /** A download, saved under the name (a generated model keeps its Cyrillic name, with an ASCII fallback). */
    public StoredObject attachment(String name) {
        this.disposition = ContentDisposition.attachment(name);
        return this;
    }

    /** Shown in place, under the name. */
    public StoredObject inline(String name) {
        this.disposition = ContentDisposition.inline(name);
        return this;
    }

    /** The {@code Content-Disposition} the answer will carry ({@code null}: none). */
    String disposition() {
        return disposition;
    }

    /** The content never changes under an id: its hash is a strong validator. */
    public StoredObject tagged() {
        this.tagged = true;
        return this;
    }

    public StoredObject noSniff() {
        this.noSniff = true;
        return this;
    }

    public StoredObject cache(String cacheControl) {
        this.cacheControl = cacheControl;
        return this;
    }

    /** Conditional GET on the ETag and the creation time (304 when unchanged); implies {@link #tagged()}. */
    public StoredObject conditional(Request request) {
        this.conditional = request;
        this.tagged = true;
        return this;
    }

    /** Honours a single {@code Range} (206, or 416 outside the object) and says so with {@code Accept-Ranges}. */
    public StoredObject ranges(String rangeHeader) {
        this.ranged = true;
        this.rangeHeader = rangeHeader;
        return this;
    }

    public Response build() {
        EntityTag etag = tagged ? new EntityTag(resource.getSha256()) : null;
        Date lastModified = conditional == null
                ? null
                : Date.from(resource.getCreatedAt().truncatedTo(ChronoUnit.SECONDS));
        if (conditional != null) {
            Response.ResponseBuilder unchanged = conditional.evaluatePreconditions(lastModified, etag);
            if (unchanged != null) {
                return cached(unchanged.tag(etag).lastModified(lastModified)).build();
            }
        }
        long size = resource.getSizeBytes();
        ByteRange range = null;
        if (ranged) {
            RangeRequest request = RangeRequest.parse(rangeHeader, size);
            if (request.kind() == RangeRequest.Kind.UNSATISFIABLE) {
                return Response.fromResponse(Problem.of(416, "range_not_satisfiable",
                        "The range lies outside the " + size + " bytes of this media").toResponse())
                        .header("Content-Range", "bytes */" + size).build();
            }
            range = request.range().orElse(null);
        }
        ByteRange bytes = range;
        long length = bytes == null ? size : bytes.length();
        StreamingOutput body = out -> {
            try (InputStream in = opener.open(bytes)) {
                sendExactly(in, out, length);
            }
        };
        Response.ResponseBuilder response = Response.status(bytes == null ? 200 : 206).entity(body).type(type)
                .header(HttpHeaders.CONTENT_LENGTH, length);
        if (etag != null) {
            response.tag(etag);
        }
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        if (ranged) {
            response.header("Accept-Ranges", "bytes");
        }
        cached(response);
        if (noSniff) {
            response.header("X-Content-Type-Options", "nosniff");
        }
        if (disposition != null) {
            response.header("Content-Disposition", disposition);
        }
        if (bytes != null) {
            response.header("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/" + size);
        }
        return response.build();
    }

    /**
     * The {@code length} bytes the answer promised, no more: an organization's own store (an S3 endpoint its admin chose)
     * that sends more than the object holds, or without end, would otherwise keep a server thread writing for as long as
     * the client reads. More or fewer bytes than promised fail the answer (the client sees a broken download, not a
     * wrong file).
     */
    public static void sendExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("The storage ended " + left + " bytes short of the " + length + " promised");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        if (in.read() >= 0) {
            throw new IOException("The storage sent more than the " + length + " bytes promised");
        }
    }

    private Response.ResponseBuilder cached(Response.ResponseBuilder response) {
        return cacheControl == null ? response : response.header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
}
