package app.arv.web.request;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets the browser front ends named in {@code ARV_CORS_ORIGINS} (comma-separated, or {@code *})
 * call the API. Nobody else gets CORS headers; an empty setting means same-origin only. Which origins, and the
 * headers their answers carry, are {@link CorsRules}'.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";

    @Inject
    CorsRules rules;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && rules.allowed(request.getHeaderString(ORIGIN))
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-ID, Last-Event-ID, Idempotency-Key, If-Match")
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (rules.allowed(origin)) {
            rules.headers(origin).forEach(response.getHeaders()::putSingle);
            response.getHeaders().add("Vary", ORIGIN);
        }
    }
}
