package app.arv.storage;

import app.arv.persistence.storage.StorageProvider;

/**
 * What an org admin asks for when creating or changing a connection. On change, {@code null}
 * fields keep their value; {@code secretKey} is write-only.
 */
public record StorageConnectionSpec(String name, StorageProvider provider, Boolean isDefault, String directory,
        String endpoint, String region, String bucket, String accessKey, String secretKey,
        String basePath) {
}
