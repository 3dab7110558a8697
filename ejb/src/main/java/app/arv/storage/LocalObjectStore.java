package app.arv.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Objects as files below a root directory. A write goes to a temporary file in the same file
 * system and is moved into place atomically, so a reader never sees half an object and a failed
 * upload leaves nothing behind.
 */
public final class LocalObjectStore implements ObjectStore {

    /** Work in progress; never a valid key segment, so never listed or counted as an object. */
    static final String TEMP_DIR = ".partial";

    private static final Logger LOG = Logger.getLogger(LocalObjectStore.class.getName());

    private final Path root;

    public LocalObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) {
        Path target = pathOf(key);
        Path temp = null;
        try {
            Path tempDir = Files.createDirectories(root.resolve(TEMP_DIR));
            temp = tempDir.resolve(UUID.randomUUID() + ".tmp");
            long written;
            try (var out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                written = content.transferTo(out);
            }
            if (size >= 0 && written != size) {
                throw new StorageFailure("Expected " + size + " bytes for " + key + " but got " + written);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw refused("write", key, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** On the same file system the file is renamed into place: one atomic step, no second copy of the bytes. */
    @Override
    public void putFile(String key, Path file, String contentType) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            ObjectStore.super.putFile(key, file, contentType);
        } catch (IOException e) {
            throw refused("move a spooled file to", key, e);
        }
    }

    /**
     * The failure a caller may pass on to a client (a 503's detail) names the key, never a path of this server's
     * disk; the operator finds the path and the disk's own words in the log.
     */
    private StorageFailure refused(String action, String key, Exception e) {
        LOG.log(Level.WARNING, e, () -> "The local store below " + root + " could not " + action + " " + key);
        return new StorageFailure("The local store could not " + action + " " + key, e);
    }

    @Override
    public InputStream open(String key, ByteRange range) {
        Path file = pathOf(key);
        try {
            if (range == null) {
                return Files.newInputStream(file);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(range.first());
            return new BoundedInputStream(Channels.newInputStream(channel), range.length());
        } catch (NoSuchFileException e) {
            throw new StorageFailure("No object " + key, e);
        } catch (IOException e) {
            throw new StorageFailure("Cannot read " + key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(pathOf(key), BasicFileAttributes.class);
            return Optional.of(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageFailure("Cannot stat " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageFailure("Cannot delete " + key, e);
        }
    }

    @Override
    public StorageUsage usage(String prefix) {
        Path dir = prefix == null || prefix.isEmpty() ? root : pathOf(stripTrailingSlash(prefix));
        if (!Files.isDirectory(dir)) {
            return new StorageUsage(0, 0);
        }
        long[] totals = new long[2];
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(f -> !root.relativize(f).startsWith(TEMP_DIR)).forEach(f -> {
                totals[0]++;
                try {
                    totals[1] += Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw refused("list", prefix == null ? "" : prefix, e);
        }
        return new StorageUsage(totals[0], totals[1]);
    }

    @Override
    public boolean presigns() {
        return false;
    }

    @Override
    public URI presignedGet(String key, Duration ttl) {
        throw new UnsupportedOperationException("A local directory has no URLs of its own");
    }

    @Override
    public URI presignedPut(String key, Duration ttl) {
        throw new UnsupportedOperationException("A local directory has no URLs of its own");
    }

    /** Keys are checked segment by segment and the resolved path must still lie below the root. */
    Path pathOf(String key) {
        Path path = root.resolve(StorageKeys.requireValid(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Key outside the store: " + key);
        }
        return path;
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover in .partial is never served or counted; the next cleanup of the directory takes it.
            }
        }
    }
}
