package app.arv.web.logging;

import java.util.UUID;
import java.util.function.Function;

/**
 * What logs and error bodies need to know about the request the current thread is serving. Set by
 * {@code request.RequestIdFilter} around each request; the organization is filled in once the caller is known. Here, at
 * the bottom of the web layer, because everything above reads it: the log formatter, the problem bodies, the filters.
 */
public final class RequestContext {

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    /** Only {@code RequestIdFilter}, as a request starts. */
    public static void begin(String requestId, String path, String clientAddress) {
        CURRENT.set(new State(requestId, path, clientAddress));
    }

    /** Only {@code RequestIdFilter}, once the request has ended. */
    public static void end() {
        CURRENT.remove();
    }

    public static String requestId() {
        return current(state -> state.requestId);
    }

    public static String path() {
        return current(state -> state.path);
    }

    /** The client's address, seen through trusted proxies only (see {@code TrustedProxies}); every per-client limit keys on it. */
    public static String clientAddress() {
        return current(state -> state.clientAddress);
    }

    public static UUID organizationId() {
        return current(state -> state.organizationId);
    }

    public static void identifyOrganization(UUID organizationId) {
        State state = CURRENT.get();
        if (state != null) {
            state.organizationId = organizationId;
        }
    }

    /** What the current request's state says, or {@code null} outside a request. */
    private static <T> T current(Function<State, T> part) {
        State state = CURRENT.get();
        return state == null ? null : part.apply(state);
    }

    private static final class State {
        final String requestId;
        final String path;
        final String clientAddress;
        UUID organizationId;

        State(String requestId, String path, String clientAddress) {
            this.requestId = requestId;
            this.path = path;
            this.clientAddress = clientAddress;
        }
    }
}
