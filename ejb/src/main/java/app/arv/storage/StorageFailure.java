package app.arv.storage;

/** The backend store did not do what was asked (disk full, bucket unreachable, access denied...). */
public class StorageFailure extends RuntimeException {

    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageFailure(String message) {
        super(message);
    }
}
