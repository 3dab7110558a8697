package app.arv.storage;

import app.arv.shared.DomainException;

/**
 * The store answered, and refused for a reason that no retry heals: the connection's settings are wrong (credentials the
 * store does not know or that do not sign, a bucket that does not exist or is not the key's, another region). It waits
 * for an admin to correct the connection, not for the store to come back.
 */
public class StorageMisconfigured extends StorageFailure {

    public StorageMisconfigured(String message, Throwable cause) {
        super(message, cause);
    }

    /** 502 {@code storage_misconfigured}, without Retry-After: trying again changes nothing until the connection is corrected. */
    @Override
    public DomainException problem(String what) {
        return DomainException.storageMisconfigured(what + getMessage());
    }
}
