package app.arv.web.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The JAX-RS runtime's own refusals (unknown path, wrong method, unreadable body...) in the problem format. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> CODES = Map.of(
            400, "bad_request", 401, "authentication_required", 403, "forbidden", 404, "not_found",
            405, "method_not_allowed", 406, "not_acceptable", 413, "payload_too_large",
            415, "unsupported_media_type", 429, "rate_limited");

    /** The stable code of a refusal known only by its status (also used for the container's own, see {@link ContainerErrorPage}). */
    static String codeOf(int status) {
        return CODES.getOrDefault(status, "http_" + status);
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        RequestBodyFailures.TooLarge overflow = RequestBodyFailures.overflowIn(e);
        if (overflow != null) {
            return RequestBodyFailures.refusal(overflow);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(e);
        }
        if (status == 400 && MalformedBody.missing(e)) {
            return MalformedBody.missingProblem().toResponse();
        }
        if (status == 400 && MalformedBody.causedBy(e)) {
            return MalformedBody.problem(e).toResponse();
        }
        String detail;
        if (e instanceof NotFoundException) {
            detail = "No resource at this path";
        } else if (e instanceof NotAllowedException) {
            detail = "Allowed methods: " + String.join(", ", e.getResponse().getAllowedMethods());
        } else {
            Response.Status known = Response.Status.fromStatusCode(status);
            detail = known != null ? known.getReasonPhrase() : "HTTP " + status;
        }
        Response.ResponseBuilder problem = Response.fromResponse(Problem.of(status, codeOf(status), detail).toResponse());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            problem.header(HttpHeaders.ALLOW, allow);
        }
        return problem.build();
    }
}
