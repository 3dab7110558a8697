package app.arv.web.request;

import java.util.UUID;

/**
 * What logs and error bodies need to know about the request the current thread is serving. Set by
 * {@link RequestIdFilter} around each request; the organization is filled in once the caller is known.
 */
public final class RequestContext {

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    static void begin(String requestId, String path, String clientAddress) {
        CURRENT.set(new State(requestId, path, clientAddress));
    }

    static void end() {
        CURRENT.remove();
    }

    public static String requestId() {
        State state = CURRENT.get();
        return state == null ? null : state.requestId;
    }

    public static String path() {
        State state = CURRENT.get();
        return state == null ? null : state.path;
    }

    /** The client's address, seen through trusted proxies only (see {@code TrustedProxies}); every per-client limit keys on it. */
    public static String clientAddress() {
        State state = CURRENT.get();
        return state == null ? null : state.clientAddress;
    }

    public static UUID organizationId() {
        State state = CURRENT.get();
        return state == null ? null : state.organizationId;
    }

    public static void identifyOrganization(UUID organizationId) {
        State state = CURRENT.get();
        if (state != null) {
            state.organizationId = organizationId;
        }
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
