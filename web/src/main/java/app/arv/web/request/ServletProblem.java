package app.arv.web.request;

import app.arv.web.json.JsonbConfiguration;
import app.arv.web.logging.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem answer from a servlet filter, where JAX-RS does not run: the mappers' {@link Response} (status,
 * headers, problem body) onto the servlet response.
 */
public final class ServletProblem {

    private ServletProblem() {
    }

    /** Writes {@code answer}; the connection is closed after it when {@code close} (the rest of a body is never read). */
    public static void write(HttpServletRequest request, HttpServletResponse response, Response answer, boolean close)
            throws IOException {
        // Maybe before the request-id filter (filter order is the container's): the problem still names a request id.
        boolean ownContext = RequestContext.requestId() == null;
        if (ownContext) {
            // The id the request-id filter gives it (the client's, when sane), so the client can name it either way.
            String requestId = RequestIdFilter.idFor(request);
            response.setHeader(RequestIdFilter.HEADER, requestId);
            RequestContext.begin(requestId, request.getRequestURI(), request.getRemoteAddr());
        }
        try {
            response.setStatus(answer.getStatus());
            response.setContentType(answer.getMediaType().toString());
            answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            if (close) {
                response.setHeader("Connection", "close");
            }
            response.getOutputStream().write(JsonbConfiguration.jsonb().toJson(answer.getEntity()).getBytes(StandardCharsets.UTF_8));
        } finally {
            if (ownContext) {
                RequestContext.end();
            }
        }
    }
}
