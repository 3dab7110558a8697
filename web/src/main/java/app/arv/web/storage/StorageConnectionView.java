package app.arv.web.storage;

import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageProvider;

import java.time.Instant;
import java.util.UUID;

/** A connection as admins see it. The secret is write-only: only whether one is set is shown. */
public record StorageConnectionView(UUID id, String name, StorageProvider provider, boolean isDefault, String directory,
        String endpoint, String region, String bucket, String accessKey, boolean secretSet,
        String basePath, Instant createdAt, Instant updatedAt) {

    static StorageConnectionView of(StorageConnection c) {
        return new StorageConnectionView(c.getId(), c.getName(), c.getProvider(), c.isDefaultConnection(), c.getDirectory(),
                c.getEndpoint(), c.getRegion(), c.getBucket(), c.getAccessKey(), c.getSecretCiphertext() != null,
                c.getBasePath(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
