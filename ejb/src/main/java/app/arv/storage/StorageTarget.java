package app.arv.storage;

import java.util.UUID;

/**
 * Where one organization's objects go right now: a store and the organization's key prefix in it.
 *
 * @param connectionId the organization's connection, or {@code null} for the platform's default local store
 */
public record StorageTarget(UUID connectionId, ObjectStore store, String prefix) {

    public String mediaKey(UUID resourceId) {
        return StorageKeys.media(prefix, resourceId);
    }
}
