package app.arv.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret ARV makes itself once and keeps in a file of its data directory (the JWT signing key, the storage
 * encryption key) when the operator configured none: read when the file exists, otherwise made, written
 * readable by the owner only and moved into place whole, so a crash never leaves half a key behind.
 */
public final class KeptSecret {

    private KeptSecret() {
    }

    /** The text kept in {@code file}; the first call makes it with {@code make} and keeps it. */
    public static String readOrMake(Path file, Supplier<String> make) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        String secret = make.get();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(partial, secret, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's permissions have to do.
        }
        Files.move(partial, file);
        return secret;
    }
}
