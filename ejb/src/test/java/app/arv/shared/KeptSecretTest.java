package app.arv.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KeptSecretTest {

    @Test
    void aConfiguredSecretIsUsedAndNoneIsKept(@TempDir Path dir) {
        Path file = dir.resolve("jwt-signing-key.pem");

        String secret = KeptSecret.configuredOrKept(Optional.of("operator's"), file, () -> "made");

        assertThat(secret).isEqualTo("operator's");
        assertThat(file).doesNotExist();
    }

    @Test
    void aBlankConfigurationIsNoneAndTheKeptSecretIsUsed(@TempDir Path dir) {
        Path file = dir.resolve("jwt-signing-key.pem");

        String made = KeptSecret.configuredOrKept(Optional.of("  "), file, () -> "made");
        String again = KeptSecret.configuredOrKept(Optional.empty(), file, () -> "another");

        assertThat(made).isEqualTo("made");
        assertThat(again).isEqualTo("made");
    }

    @Test
    void aSecretIsMadeOnceAndReadBackAfterwards(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/storage-encryption.key");

        String made = KeptSecret.readOrMake(file, () -> "first");
        String read = KeptSecret.readOrMake(file, () -> "second");

        assertThat(made).isEqualTo("first");
        assertThat(read).isEqualTo("first");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void ofManyMakersAtOnceEveryOneEndsWithTheSecretTheFileKeeps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwt-signing-key.pem");
        int makers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(makers);
        try {
            List<Future<String>> kept = new ArrayList<>();
            for (int i = 0; i < makers; i++) {
                kept.add(threads.submit(() -> {
                    start.await();
                    return KeptSecret.readOrMake(file, () -> UUID.randomUUID().toString());
                }));
            }
            start.countDown();
            Set<String> secrets = new HashSet<>();
            for (Future<String> secret : kept) {
                secrets.add(secret.get());
            }

            assertThat(secrets).containsExactly(Files.readString(file));
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).as("no partial file is left behind").containsExactly(file);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
