package app.arv.web.problem;

import app.arv.web.logging.RequestContext;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail: the one error format of every ARV endpoint. {@code code} is stable
 * for programs; {@code title} and {@code detail} are for people; {@code errors} lists field
 * violations; {@code quota} names the quota a {@code quota_exceeded} or {@code not_granted} problem is about, and {@code limit} the
 * configured limit a request went past (each absent otherwise). The wire order is the property order's, which names
 * the Java properties ({@code requestId}, written {@code request_id}): Yasson matches it before the naming strategy.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors", "quota", "limit"})
public record Problem(URI type, String title, int status, String detail, String instance, String code,
        String requestId, List<FieldError> errors, @JsonbNillable(false) String quota,
        @JsonbNillable(false) Limit limit) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://arv.app/problems/";

    /** A problem about the request this thread is handling. */
    public static Problem of(int status, String code, String detail) {
        return of(status, code, detail, RequestContext.path(), RequestContext.requestId());
    }

    public static Problem of(int status, String code, String detail, String instance, String requestId) {
        return new Problem(URI.create(TYPE_BASE + code.replace('_', '-')), title(status), status, detail, instance, code,
                requestId, List.of(), null, null);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, code, requestId, List.copyOf(errors), quota, limit);
    }

    public Problem withQuota(String quota) {
        return new Problem(type, title, status, detail, instance, code, requestId, errors, quota, limit);
    }

    /** Names the configured limit the request went past ({@code "limit": {"name": "max_pixels", "value": 50000000}}). */
    public Problem withLimit(String name, long value) {
        return new Problem(type, title, status, detail, instance, code, requestId, errors, quota, new Limit(name, value));
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
}
