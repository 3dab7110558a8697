package app.arv.storage;

/** How much a store (or a prefix of it) holds. */
public record StorageUsage(long objects, long bytes) {
}
