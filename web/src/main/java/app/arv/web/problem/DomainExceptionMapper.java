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
        if (e.status() == 401) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"arv\"").build();
        }
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return response;
    }
}
