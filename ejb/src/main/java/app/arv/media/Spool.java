package app.arv.media;

import app.arv.imaging.input.MediaSniffer;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Streams uploads to temporary files under {@code arv.data.dir/spool}, hashing on the way and
 * stopping at the size limit, so no upload is ever held in memory and an oversized one costs at
 * most the limit in disk, briefly.
 */
@ApplicationScoped
public class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());

    @Inject
    @ConfigProperty(name = "arv.data.dir")
    String dataDir;

    private Path directory;

    @PostConstruct
    void init() {
        directory = Path.of(dataDir, "spool");
        try {
            Files.createDirectories(directory);
            // Files left by a crash belong to requests that no longer exist.
            try (Stream<Path> leftovers = Files.list(directory)) {
                leftovers.forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the upload spool " + directory, e);
        }
    }

    /**
     * A client's file as it arrives.
     *
     * @throws DomainException 413 {@code file_too_large} (naming the file) once more than {@code maxBytes} arrived; 400
     *                         {@code upload_interrupted} when the stream breaks off; 503 {@code spool_unavailable} when
     *                         ARV's own disk cannot take the file
     */
    public SpooledFile take(String originalName, InputStream in, long maxBytes) {
        return take(originalName, in, maxBytes, () -> DomainException.uploadInterrupted(originalName));
    }

    /**
     * Bytes that do not come straight from the client (an object read back from a store): {@code broken} is what a
     * stream that breaks off means, since then it is not the client's doing.
     *
     * @throws DomainException 413 {@code file_too_large} (naming the file) once more than {@code maxBytes} arrived; 503
     *                         {@code spool_unavailable} when ARV's own disk cannot take the file
     */
    public SpooledFile take(String originalName, InputStream in, long maxBytes, Supplier<DomainException> broken) {
        Path file = directory.resolve(UUID.randomUUID() + ".upload");
        MessageDigest sha256 = Sha256.digest();
        byte[] head = new byte[MediaSniffer.HEAD_BYTES];
        int headLength = 0;
        long size = 0;
        boolean kept = false;
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = read(in, buffer, broken)) > 0) {
                    if (headLength < head.length) {
                        int copy = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw DomainException.fileTooLarge(originalName, maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // Only the spool file's own opening, writing and closing get here (reads are caught in read): ARV's
                // disk is full or refuses, which the client can do nothing about.
                LOG.log(Level.WARNING, "Could not spool an upload to " + directory, e);
                throw DomainException.spoolUnavailable(originalName);
            }
            kept = true;
        } finally {
            if (!kept) {
                file.toFile().delete();
            }
        }
        return new SpooledFile(originalName, file, size, HexFormat.of().formatHex(sha256.digest()), head, headLength);
    }

    /**
     * The next bytes of the incoming stream; one that breaks off is {@code broken}'s doing, not the spool's, and what broke
     * it off stays its cause (the log then says whether the client hung up or the store's connection was reset).
     */
    private static int read(InputStream in, byte[] buffer, Supplier<DomainException> broken) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            DomainException failure = broken.get();
            if (failure.getCause() == null) {
                failure.initCause(e);
            } else {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    /** A temporary file for something ARV makes itself (a thumbnail, a USDZ). */
    public Path newFile(String suffix) {
        return directory.resolve(UUID.randomUUID() + suffix);
    }

    /** The spool's directory, for a writer that names its own temporary files there (emptied on start as well). */
    public Path directory() {
        return directory;
    }
}
