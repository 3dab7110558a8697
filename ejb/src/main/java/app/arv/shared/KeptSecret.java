package app.arv.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A secret ARV makes itself once and keeps in a file of its data directory (the JWT signing key, the storage
 * encryption key) when the operator configured none: read when the file exists, otherwise made and written, readable
 * by the owner only, to a file of its own, then linked into place whole — so a crash never leaves half a key behind,
 * and of two nodes starting at once on one shared directory the second finds the first's key and uses it (it would
 * otherwise keep its own in memory while the file held the other's, and lose what it encrypted at its next start).
 */
public final class KeptSecret {

    private KeptSecret() {
    }

    /**
     * The operator's secret when one is configured (not blank), otherwise the one kept in {@code file} ({@link
     * #readOrMake}): the one rule of both the JWT signing key and the storage encryption key.
     *
     * @throws UncheckedIOException when the data directory cannot keep it (the deployment cannot go on without it)
     */
    public static String configuredOrKept(Optional<String> configured, Path file, Supplier<String> make) {
        Optional<String> set = configured.filter(s -> !s.isBlank());
        if (set.isPresent()) {
            return set.get();
        }
        try {
            return readOrMake(file, make);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep " + file.getFileName() + " in " + file.toAbsolutePath().getParent(), e);
        }
    }

    /** The text kept in {@code file}; the first call makes it with {@code make} and keeps it. */
    public static String readOrMake(Path file, Supplier<String> make) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        String secret = make.get();
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName() + ".", ".tmp", ownerOnly());
        try {
            Files.writeString(partial, secret, StandardCharsets.US_ASCII);
            try {
                // A link cannot replace a file: whoever links first has kept the secret.
                Files.createLink(file, partial);
            } catch (FileAlreadyExistsException keptByAnother) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(partial, file);
            }
            return secret;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        // Elsewhere (Windows) the directory's permissions have to do.
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
