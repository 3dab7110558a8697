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

    static void begin(String requestId, String path) {
        CURRENT.set(new State(requestId, path));
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
        UUID organizationId;

        State(String requestId, String path) {
            this.requestId = requestId;
            this.path = path;
        }
    }
}
