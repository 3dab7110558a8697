package app.arv.shared;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.Optional;

/**
 * A rule of the domain said no. It carries the HTTP status and a stable machine-readable code so
 * the web layer can answer in the problem format without knowing each rule.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public DomainException(int status, String code, String message) {
        this(status, code, message, null);
    }

    private DomainException(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When the client may try again (sent as {@code Retry-After}), if the refusal is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
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

    /** Sign-in refused for a while after repeated failures, whatever the password this time. */
    public static DomainException tooManyAttempts(Duration retryAfter) {
        return new DomainException(429, "too_many_attempts", "Too many failed sign-ins; try again later", retryAfter);
    }

    /** The caller is known but lacks the right: for what it may see exist, unlike {@link #notFound}. */
    public static DomainException forbidden(String message) {
        return new DomainException(403, "forbidden", message);
    }
}
