package app.arv.web.problem;

import app.arv.shared.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Problem problem = Problem.of(e.status(), e.code(), e.getMessage());
        if (e.limit() != null) {
            problem = problem.withLimit(e.limit().name(), e.limit().value());
        }
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        if (e.retryAfter().isPresent()) {
            // Whole seconds, rounded up: a client retrying at once after a rounded-down wait would be refused again.
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().get().toMillis() + 999) / 1000));
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"arv\"");
        }
        return response.build();
    }
}
