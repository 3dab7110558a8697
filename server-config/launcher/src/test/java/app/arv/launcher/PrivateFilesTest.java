package app.arv.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrivateFilesTest {

    @Test
    void aFileWithPasswordsIsReadableByItsOwnerAlone(@TempDir Path dir) throws IOException {
        Path commands = PrivateFiles.writeString(dir.resolve("post-boot-commands.txt"), "password=secret");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(commands)));
        assertEquals("password=secret", Files.readString(commands));
    }

    @Test
    void aFileWrittenAgainStaysOwnerOnly(@TempDir Path dir) throws IOException {
        Path env = dir.resolve("services.env");
        Files.writeString(env, "old");

        PrivateFiles.writeString(env, "new");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
        assertEquals("new", Files.readString(env));
    }
}
