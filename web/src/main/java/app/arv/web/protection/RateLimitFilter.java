package app.arv.web.protection;

import app.arv.protection.LimitExceeded;
import app.arv.protection.RequestLimits;
import app.arv.protection.Verdict;
import app.arv.web.logging.RequestContext;
import app.arv.web.protection.RateLimit.Policy;
import app.arv.web.security.CurrentCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every {@code /api/v1} request against its limit once the caller is known (after
 * authentication, before authorization, so refused calls count too), refuses it over the limit
 * (429 {@code rate_limited} with {@code Retry-After}), and tells the client where it stands on every
 * response: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}
 * (seconds until the window starts afresh). Headers are left out when nothing was counted (limits
 * off, Redis away) rather than made up.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    private static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";
    private static final String POLICY = RateLimitFilter.class.getName() + ".policy";

    @Inject
    RequestLimits limits;

    @Inject
    CurrentCaller caller;

    @Context
    ResourceInfo resource;

    private final Map<Method, Policy> policies = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Policy policy = policies.computeIfAbsent(method, m -> policyOf(m, resource.getResourceClass()));
        request.setProperty(POLICY, policy);
        Verdict verdict = switch (policy) {
            case EXEMPT -> null;
            case VIEWER -> limits.admitViewer(clientAddress());
            case VIEWER_FILE -> limits.viewerStanding(clientAddress());
            case STANDARD -> caller.find().map(c -> limits.admit(c, false)).orElseGet(() -> limits.admitAnonymous(clientAddress()));
            case UPLOAD -> caller.find().map(c -> limits.admit(c, true)).orElseGet(() -> limits.admitAnonymous(clientAddress()));
        };
        if (verdict == null) {
            return;
        }
        tell(request, verdict);
        if (!verdict.allowed()) {
            throw LimitExceeded.rateLimited(verdict);
        }
    }

    /** The answer to this request tells where the client stands by {@code verdict} (also for a refused credential's). */
    static void tell(ContainerRequestContext request, Verdict verdict) {
        request.setProperty(VERDICT, verdict);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(POLICY) == Policy.VIEWER_FILE && (response.getStatus() == 404 || response.getStatus() == 410)) {
            tell(request, limits.admitViewer(clientAddress()));
        }
        if (request.getProperty(VERDICT) instanceof Verdict verdict && verdict.checked()) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(LIMIT, verdict.limit());
            headers.putSingle(REMAINING, verdict.remaining());
            headers.putSingle(RESET, verdict.resetSeconds());
        }
    }

    /** The client's address as the trusted proxies tell it (ARV_TRUSTED_PROXIES), else the socket's. */
    private static String clientAddress() {
        return RequestContext.clientAddress();
    }

    static Policy policyOf(Method method, Class<?> type) {
        RateLimit declared = method.isAnnotationPresent(RateLimit.class)
                ? method.getAnnotation(RateLimit.class)
                : type.getAnnotation(RateLimit.class);
        if (declared != null) {
            return declared.value();
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        boolean takesFiles = !method.isAnnotationPresent(GET.class) && consumes != null
                && Arrays.asList(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
        return takesFiles ? Policy.UPLOAD : Policy.STANDARD;
    }
}
