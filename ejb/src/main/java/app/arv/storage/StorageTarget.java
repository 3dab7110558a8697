package app.arv.storage;

import app.arv.persistence.storage.ConnectionPlace;

import java.util.UUID;

/**
 * Where one organization's objects go right now: a store and the organization's key prefix in it.
 *
 * @param connectionId the organization's connection, or {@code null} for the platform's default local store
 * @param location     where the connection pointed when this target was made, or {@code null} for the platform store
 */
public record StorageTarget(UUID connectionId, ObjectStore store, String prefix, ConnectionPlace location) {

    /** A target without a connection's location (the platform store, or a store of a test's own). */
    public StorageTarget(UUID connectionId, ObjectStore store, String prefix) {
        this(connectionId, store, prefix, null);
    }

    public String mediaKey(UUID resourceId) {
        return StorageKeys.media(prefix, resourceId);
    }
}
