package app.arv.web.viewer;

import app.arv.protection.LimitExceeded;
import app.arv.security.TrustedProxies;
import app.arv.web.Links;
import app.arv.web.protection.LimitExceededMapper;
import app.arv.web.request.RequestIdFilter;
import app.arv.web.request.ServletProblem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * At most {@code arv.viewer.max-streams-per-client} viewer files (a marker, an overlay) streamed at once to one client
 * address on this node; one more is answered 429 {@code rate_limited} with {@code Retry-After: 1}. A file served does
 * not count against the viewer's rate limit (a phone asks for a video piece by piece), and a file streams from the
 * organization's store for as long as the store takes (within its read deadline): without this bound, a few hundred
 * anonymous requests for the files of content on a slow store held every request thread of the node.
 * <p>
 * A servlet filter, so the slot is held until the answer is written whole, not only until the resource method returns.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ViewerStreams extends HttpFilter {

    private static final Pattern VIEWER_FILE = Pattern.compile(Pattern.quote(Links.ROOT) + "/viewer/[^/]+/(overlay|marker\\.mind)");

    @Inject
    @ConfigProperty(name = "arv.viewer.max-streams-per-client", defaultValue = "8")
    int maxPerClient;

    @Inject
    TrustedProxies trustedProxies;

    private final Map<String, Integer> streaming = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!VIEWER_FILE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
            chain.doFilter(request, response);
            return;
        }
        String client = RequestIdFilter.clientOf(trustedProxies, request);
        if (!take(client)) {
            ServletProblem.write(request, response,
                    new LimitExceededMapper().toResponse(LimitExceeded.tooManyAtOnce("viewer files", maxPerClient)), false);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            streaming.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
        }
    }

    private boolean take(String client) {
        boolean[] taken = {false};
        streaming.compute(client, (c, n) -> {
            int now = n == null ? 0 : n;
            if (now >= maxPerClient) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }
}
