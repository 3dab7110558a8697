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
        Response response = Problem.of(e.status(), e.code(), e.getMessage()).toResponse();
        if (e.retryAfter().isPresent()) {
            // Whole seconds, rounded up: a client retrying at once after a rounded-down wait would be refused again.
            long seconds = Math.max(1, (e.retryAfter().get().toMillis() + 999) / 1000);
            response = Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        if (e.status() == 401) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"arv\"").build();
        }
        return response;
    }
}
