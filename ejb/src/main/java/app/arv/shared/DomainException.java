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

    public DomainException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
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
}
