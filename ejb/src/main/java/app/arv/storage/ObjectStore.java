package app.arv.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A place that keeps bytes under keys: a local directory or an S3 bucket. Everything streams; no
 * implementation holds a whole object in memory. Keys are ARV-made ({@code [A-Za-z0-9._-]} segments
 * joined by {@code /}), never client text. Failures of the backend surface as {@link StorageFailure}.
 */
public interface ObjectStore {

    /** Streams all of {@code content} into the key; {@code size} may be -1 when unknown. Replaces an existing object. */
    void put(String key, InputStream content, long size, String contentType);

    /**
     * Stores a local file that the caller gives up: a store on the same disk may simply move it
     * into place. Afterwards the file may or may not still exist.
     */
    default void putFile(String key, Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            put(key, in, Files.size(file), contentType);
        } catch (IOException e) {
            // The spooled file is on this server's disk: its path is no client's business (the cause keeps it).
            throw new StorageFailure("Cannot read the spooled file to store it as " + key, e);
        }
    }

    /**
     * Copies an object to another key of the same store (on S3 without the bytes passing through ARV).
     * Replaces an existing object at {@code to}.
     */
    default void copy(String from, String to) {
        ObjectInfo info = stat(from).orElseThrow(() -> new StorageFailure("Nothing to copy at " + from));
        try (InputStream in = open(from, null)) {
            put(to, in, info.size(), null);
        } catch (IOException e) {
            throw new StorageFailure("Cannot copy " + from + " to " + to, e);
        }
    }

    /** The whole object, or one byte range of it ({@code range} {@code null} for all of it). */
    InputStream open(String key, ByteRange range);

    Optional<ObjectInfo> stat(String key);

    /** Deleting an object that is not there is not an error: deletions are retried and must be idempotent. */
    void delete(String key);

    /** Objects and bytes under a key prefix. */
    StorageUsage usage(String prefix);

    /** Whether clients can be sent straight to the store with presigned URLs (S3 yes, local disk no). */
    boolean presigns();

    /** A URL that lets anyone holding it GET the object until it expires. */
    URI presignedGet(String key, Duration ttl);

    /** A URL that lets anyone holding it PUT this one key until it expires. */
    URI presignedPut(String key, Duration ttl);
}
