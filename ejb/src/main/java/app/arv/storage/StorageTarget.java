package app.arv.storage;

import app.arv.persistence.storage.StorageConnection;

import java.util.UUID;

/**
 * Where one organization's objects go right now: a store and the organization's key prefix in it.
 *
 * @param connectionId the organization's connection, or {@code null} for the platform's default local store
 * @param location     where the connection pointed when this target was made, or {@code null} for the platform store
 */
public record StorageTarget(UUID connectionId, ObjectStore store, String prefix, Location location) {

    /** A target without a connection's location (the platform store, or a store of a test's own). */
    public StorageTarget(UUID connectionId, ObjectStore store, String prefix) {
        this(connectionId, store, prefix, null);
    }

    /**
     * The settings of a connection that decide where its objects are (not its name, credentials or region): an
     * object written to the target is found through the connection only while they stay the same.
     */
    public record Location(String directory, String endpoint, String bucket, String basePath) {

        static Location of(StorageConnection connection) {
            return new Location(connection.getDirectory(), connection.getEndpoint(), connection.getBucket(), connection.getBasePath());
        }
    }

    public String mediaKey(UUID resourceId) {
        return StorageKeys.media(prefix, resourceId);
    }
}
