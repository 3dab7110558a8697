package app.arv.web.request;

import app.arv.audit.AuditOrigin;
import app.arv.security.TrustedProxies;
import app.arv.web.logging.AccessLog;
import app.arv.web.logging.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves the client's address through trusted proxies, gives every request an id — the client's {@code X-Request-ID} when it is a sane token, a new one
 * otherwise — returns it on the response, hands both and the {@code User-Agent} to the audit log ({@link AuditOrigin}), and
 * writes one access-log line when the request ends.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-ID";
    /** Client ids end up in logs: only a short token of safe characters is taken over. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    AccessLog accessLog;

    @Inject
    TrustedProxies trustedProxies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = idFor(request);
        response.setHeader(HEADER, requestId);
        String client = clientOf(trustedProxies, request);
        RequestContext.begin(requestId, request.getRequestURI(), client);
        AuditOrigin.begin(client, request.getHeader("User-Agent"), requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            accessLog.record(request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000, requestId, RequestContext.organizationId(), client);
            RequestContext.end();
            AuditOrigin.end();
        }
    }

    /** The request's id: the client's {@code X-Request-ID} when it is a sane token, a new one otherwise. */
    static String idFor(HttpServletRequest request) {
        String offered = request.getHeader(HEADER);
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The client's address: the peer's, or what trusted proxies forwarded ({@link TrustedProxies}). */
    public static String clientOf(TrustedProxies proxies, HttpServletRequest request) {
        return proxies.clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
