package app.arv.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An incoming file parked on local disk while it is checked: its size and SHA-256 were computed
 * while it streamed in, and the first bytes kept for sniffing.
 */
public record SpooledFile(String originalName, Path path, long size, String sha256, byte[] head, int headLength)
        implements
            AutoCloseable {

    /** Deletes the temporary file; whatever happened to the upload, the spool keeps nothing. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The spool directory is emptied on start as well.
        }
    }
}
