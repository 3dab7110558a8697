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
        Response response = problem.toResponse();
        if (e.status() == 401) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"arv\"").build();
        }
        if (e.retryAfter() != null) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds())).build();
        }
        return response;
    }
}
