package app.arv.web.request;

import app.arv.web.protection.RateLimitFilter;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets the browser front ends named in {@code ARV_CORS_ORIGINS} (comma-separated, or {@code *})
 * call the API. Nobody else gets CORS headers; an empty setting means same-origin only.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ORIGIN = "Origin";

    /**
     * The answer headers a front end on another origin may read: beyond the few every browser shows, a client told
     * 429 must see when to come back and how much it has left, and a download its file name.
     */
    static final String EXPOSED = String.join(", ", "X-Request-ID", "Location", "Idempotent-Replayed", "ETag",
            "Retry-After", RateLimitFilter.LIMIT, RateLimitFilter.REMAINING, RateLimitFilter.RESET, "Content-Disposition",
            "X-Print-Kit-Pages");

    @Inject
    @ConfigProperty(name = "arv.cors.origins")
    Optional<String> configured;

    private Set<String> origins;

    @PostConstruct
    void parse() {
        origins = Arrays.stream(configured.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && allowed(request.getHeaderString(ORIGIN))
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
        if (allowed(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED);
            response.getHeaders().add("Vary", ORIGIN);
        }
    }

    private boolean allowed(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }
}
