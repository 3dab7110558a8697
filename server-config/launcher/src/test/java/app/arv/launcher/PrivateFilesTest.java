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

    @Test
    void aShownUrlKeepsItsUserAndHostButNotItsPassword() {
        assertEquals("redis://:***@cache.example:6379", PrivateFiles.withoutPassword("redis://:s3cret@cache.example:6379"));
        assertEquals("tcp://app:***@broker:61616", PrivateFiles.withoutPassword("tcp://app:s3cret@broker:61616"));
        assertEquals("jdbc:postgresql://db/arv?user=arv&password=***&ssl=true",
                PrivateFiles.withoutPassword("jdbc:postgresql://db/arv?user=arv&password=s3cret&ssl=true"));
        assertEquals("redis://127.0.0.1:6379", PrivateFiles.withoutPassword("redis://127.0.0.1:6379"));
    }
}
