package app.arv.shared;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the domain said no. It carries the HTTP status and a stable machine-readable code so
 * the web layer can answer in the problem format without knowing each rule.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public DomainException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    /** @param retryAfterSeconds when the client may try again ({@code Retry-After}); 0 for no such advice */
    public DomainException(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A tenant's own resource that does not exist — or belongs to another tenant, which must look the same. */
    public static DomainException notFound(String what) {
        return new DomainException(404, "not_found", what + " not found");
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(409, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(422, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(401, code, message);
    }

    /** A URL a tenant supplied points where ARV must not connect (SSRF guard). */
    public static DomainException endpointNotAllowed(String message) {
        return new DomainException(422, "endpoint_not_allowed", message);
    }

    /** The object store did not answer (in time): nothing was kept, the client may try again shortly. */
    public static DomainException storageUnavailable(String message) {
        return new DomainException(503, "storage_unavailable", message, STORAGE_RETRY_AFTER_SECONDS);
    }

    private static final long STORAGE_RETRY_AFTER_SECONDS = 10;
}
