package app.arv.audit;

import app.arv.persistence.audit.AuditEvent.Origin;

/**
 * Where the request the current thread serves comes from, for the audit log: set by the web layer around each request
 * (it alone sees the headers and resolves the client's address through trusted proxies) and read by
 * {@link AuditTrail}. A thread-local rather than a parameter, so no service signature has to carry it; work outside a
 * request (timers, message listeners, batch jobs) finds none and is recorded as ARV's own.
 */
public final class AuditOrigin {

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    private AuditOrigin() {
    }

    /** From now until {@link #end}, events recorded on this thread come from there. */
    public static void begin(String clientAddress, String userAgent, String requestId) {
        CURRENT.set(new Origin(clientAddress, userAgent, requestId));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** The request's origin, or {@link Origin#NONE} outside a request. */
    static Origin current() {
        Origin origin = CURRENT.get();
        return origin == null ? Origin.NONE : origin;
    }
}
