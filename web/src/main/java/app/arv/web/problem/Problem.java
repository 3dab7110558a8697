package app.arv.web.problem;

import app.arv.web.logging.RequestContext;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An RFC 9457 problem detail: the one error format of every ARV endpoint. {@code code} is stable
 * for programs; {@code title} and {@code detail} are for people; {@code errors} lists field
 * violations; {@code quota} names the quota a {@code quota_exceeded} or {@code not_granted} problem is about, {@code limit} the
 * configured limit a request went past, and {@code holding} what holds a storage connection that is in use (each absent
 * otherwise). The wire order is the property order's, which names
 * the Java properties ({@code requestId}, written {@code request_id}): Yasson matches it before the naming strategy.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors", "quota", "limit", "holding"})
public record Problem(URI type, String title, int status, String detail, String instance, String code,
        String requestId, List<FieldError> errors, @JsonbNillable(false) String quota,
        @JsonbNillable(false) Limit limit, @JsonbNillable(false) Holding holding) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://arv.app/problems/";

    /** A problem about the request this thread is handling. */
    public static Problem of(int status, String code, String detail) {
        return of(status, code, detail, RequestContext.path(), RequestContext.requestId());
    }

    public static Problem of(int status, String code, String detail, String instance, String requestId) {
        return new Problem(URI.create(TYPE_BASE + code.replace('_', '-')), title(status), status, detail, instance, code,
                requestId, List.of(), null, null, null);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, code, requestId, List.copyOf(errors), quota, limit, holding);
    }

    public Problem withQuota(String quota) {
        return new Problem(type, title, status, detail, instance, code, requestId, errors, quota, limit, holding);
    }

    /** Names the configured limit the request went past ({@code "limit": {"name": "max_pixels", "value": 50000000}}). */
    public Problem withLimit(String name, long value) {
        return new Problem(type, title, status, detail, instance, code, requestId, errors, quota, new Limit(name, value), holding);
    }

    /** Says what holds a storage connection that is in use ({@code storage_connection_in_use}). */
    public Problem withHolding(Holding holding) {
        return new Problem(type, title, status, detail, instance, code, requestId, errors, quota, limit, holding);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (status == 422) {
            return "Unprocessable Content";
        }
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /** One rejected input: where it was ({@code field}), what was wrong, and the value's constraint. */
    public record FieldError(String field, String message) {
    }

    /**
     * A configured limit by its stable name and the value in force. Non-nillable as a type as well: Yasson writes a null
     * property of a class type by that type's nillability (the configuration's {@code withNullValues}), not by the
     * property's {@code @JsonbNillable(false)}, so without it every problem carried {@code "limit": null}.
     */
    @JsonbNillable(false)
    public record Limit(String name, long value) {
    }

    /**
     * What holds a storage connection, by kind: live media, object deletions still owed (due from
     * {@code owedDeletionsDueFrom}), dead letters, direct uploads (open until {@code directUploadsOpenUntil}); a time is
     * absent when there is nothing of its kind. Non-nillable as a type, as {@link Limit}.
     */
    @JsonbNillable(false)
    public record Holding(long media, long owedDeletions, Instant owedDeletionsDueFrom, long deadLetters, long directUploads,
            Instant directUploadsOpenUntil) {
    }
}
