package app.arv.media;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Who is to blame when a file cannot be spooled: a client that broke off, or ARV's own disk. */
class SpoolTest {

    @TempDir
    Path dataDir;
    private Spool spool;

    @BeforeEach
    void aSpool() {
        spool = new Spool();
        spool.dataDir = dataDir.toString();
        spool.init();
    }

    @Test
    void aClientThatBreaksOffIsRefusedAsABadRequestAndNothingIsKept() throws IOException {
        Throwable thrown = catchThrowable(() -> spool.take("anna.png", brokenOffAfter(100_000), 1 << 20));

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("upload_interrupted");
        });
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aStreamThatBreaksOffKeepsWhatBrokeItOffAsTheCause() {
        Throwable thrown = catchThrowable(() -> spool.take("anna.png", brokenOffAfter(100_000), 1 << 20));

        assertThat(thrown).isInstanceOf(DomainException.class).cause()
                .isInstanceOf(IOException.class).hasMessage("Connection reset by peer");
    }

    @Test
    void aSpoolDiskThatRefusesTheFileIsUnavailableForNowNotTheClientsFault() throws IOException {
        // The spool directory replaced by a file: the disk refuses every new spool file, whatever user runs the test.
        Path directory = dataDir.resolve("spool");
        Files.delete(directory);
        Files.writeString(directory, "in the way");

        Throwable thrown = catchThrowable(() -> spool.take("anna.png", new ByteArrayInputStream(new byte[100_000]), 1 << 20));

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("spool_unavailable");
            assertThat(e.retryAfter()).isPresent();
        });
        assertThat(Files.readString(directory)).isEqualTo("in the way");
    }

    /** A client's stream that sends {@code bytes} bytes and then breaks off, as a dropped connection does. */
    private static InputStream brokenOffAfter(int bytes) {
        return new SequenceInputStream(new ByteArrayInputStream(new byte[bytes]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset by peer");
            }
        });
    }

    private Stream<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("spool"))) {
            return files.toList().stream();
        }
    }
}
