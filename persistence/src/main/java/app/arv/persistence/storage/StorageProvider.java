package app.arv.persistence.storage;

/** What kind of store a connection points at. */
public enum StorageProvider {
    /** A directory on this server's disk. */
    LOCAL,
    /** Any S3-compatible object store (AWS S3, MinIO, R2, ...). */
    S3
}
