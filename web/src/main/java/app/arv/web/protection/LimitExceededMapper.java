package app.arv.web.protection;

import app.arv.protection.LimitExceeded;
import app.arv.web.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A rate limit or quota problem: the quota it names, and {@code Retry-After} when waiting helps. */
@Provider
public class LimitExceededMapper implements ExceptionMapper<LimitExceeded> {

    @Override
    public Response toResponse(LimitExceeded e) {
        Response problem = Problem.of(e.status(), e.code(), e.getMessage()).withQuota(e.quota()).toResponse();
        if (e.retryAfterSeconds() <= 0) {
            return problem;
        }
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
