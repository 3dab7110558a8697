package app.arv.storage;

import app.arv.shared.DomainException;

/** The backend store did not do what was asked (disk full, bucket unreachable, access denied...). */
public class StorageFailure extends RuntimeException {

    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageFailure(String message) {
        super(message);
    }

    /**
     * This failure as the client's problem, its message after {@code what}: 503 {@code storage_unavailable} with
     * Retry-After (the store may be back shortly); {@link StorageMisconfigured} says otherwise.
     */
    public DomainException problem(String what) {
        return DomainException.storageUnavailable(what + getMessage());
    }
}
