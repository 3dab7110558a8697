package app.arv.persistence.storage;

/**
 * The settings of a storage connection that decide where its objects are (not its name, credentials or region): an
 * object written through the connection is found through it only while they stay the same.
 */
public record ConnectionPlace(String directory, String endpoint, String bucket, String basePath) {

    public static ConnectionPlace of(StorageConnection connection) {
        return new ConnectionPlace(connection.getDirectory(), connection.getEndpoint(), connection.getBucket(),
                connection.getBasePath());
    }
}
