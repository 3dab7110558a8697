package app.arv.web.request;

import app.arv.web.protection.RateLimitFilter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser front ends named in {@code ARV_CORS_ORIGINS} (comma-separated, or {@code *}) and the CORS headers an
 * answer to one of them carries: for {@link CorsFilter}, and for a filter that answers a request itself before JAX-RS
 * runs ({@link RequestBodyLimit}'s refusals), so that a browser reads that answer too rather than a network error.
 */
@ApplicationScoped
public class CorsRules {

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

    /** Whether a request from {@code origin} (its {@code Origin} header, maybe absent) may read the answer. */
    public boolean allowed(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }

    /**
     * The CORS headers (each set once) of an answer to a request from {@code origin}; none for an origin not allowed.
     * {@code Vary: Origin} is added to the answer's own {@code Vary} by the caller.
     */
    public Map<String, String> headers(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            headers.put("Access-Control-Expose-Headers", EXPOSED);
        }
        return headers;
    }

    /** Sets the CORS headers on a servlet filter's own answer, as {@link CorsFilter} sets them on the resources'. */
    public void set(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(CorsFilter.ORIGIN);
        if (allowed(origin)) {
            headers(origin).forEach(response::setHeader);
            if (!response.getHeaders("Vary").contains(CorsFilter.ORIGIN)) {
                response.addHeader("Vary", CorsFilter.ORIGIN);
            }
        }
    }
}
