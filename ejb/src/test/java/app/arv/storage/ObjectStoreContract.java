package app.arv.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ObjectStore} promises, run against each implementation on a real backend. */
abstract class ObjectStoreContract {

    /** A fresh store; each test uses its own prefix, so stores may be shared between tests. */
    abstract ObjectStore store();

    final String prefix = "orgs/" + UUID.randomUUID() + "/";

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void whatIsPutIsReadBackUnchanged() throws IOException {
        byte[] bytes = "the same bytes".getBytes(StandardCharsets.UTF_8);

        store().put(prefix + "media/a", new ByteArrayInputStream(bytes), bytes.length, "text/plain");

        assertThat(readAll(store().open(prefix + "media/a", null))).isEqualTo(bytes);
    }

    @Test
    void aStreamOfUnknownLengthLargerThanOnePartIsStoredWhole() throws Exception {
        byte[] bytes = randomBytes((int) (S3ObjectStore.PART_SIZE * 2 + 12345));

        store().put(prefix + "media/big", new ByteArrayInputStream(bytes), -1, "application/octet-stream");

        assertThat(store().stat(prefix + "media/big")).get().extracting(ObjectInfo::size).isEqualTo((long) bytes.length);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        assertThat(actual.digest(readAll(store().open(prefix + "media/big", null)))).isEqualTo(expected.digest(bytes));
    }

    @Test
    void aFileIsStoredWithItsBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path scratch) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.write(scratch.resolve("upload.bin"), randomBytes(70_000));
        byte[] expected = java.nio.file.Files.readAllBytes(file);

        store().putFile(prefix + "media/f", file, "application/octet-stream");

        assertThat(readAll(store().open(prefix + "media/f", null))).isEqualTo(expected);
    }

    @Test
    void aRangeReadReturnsExactlyThoseBytes() throws IOException {
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        store().put(prefix + "media/r", new ByteArrayInputStream(bytes), bytes.length, "text/plain");

        byte[] middle = readAll(store().open(prefix + "media/r", new ByteRange(4, 9)));

        assertThat(new String(middle, StandardCharsets.US_ASCII)).isEqualTo("456789");
    }

    @Test
    void statOfAMissingObjectIsEmpty() {
        assertThat(store().stat(prefix + "media/nothing-here")).isEmpty();
    }

    @Test
    void aDeletedObjectIsGone() {
        store().put(prefix + "media/d", new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, "application/octet-stream");

        store().delete(prefix + "media/d");

        assertThat(store().stat(prefix + "media/d")).isEmpty();
    }

    @Test
    void deletingAMissingObjectSucceeds() {
        store().delete(prefix + "media/never-written");

        assertThat(store().stat(prefix + "media/never-written")).isEmpty();
    }

    @Test
    void usageCountsObjectsAndBytesUnderThePrefixOnly() {
        store().put(prefix + "media/1", new ByteArrayInputStream(new byte[10]), 10, "application/octet-stream");
        store().put(prefix + "media/sub/2", new ByteArrayInputStream(new byte[5]), 5, "application/octet-stream");
        String other = "orgs/" + UUID.randomUUID() + "/";
        store().put(other + "media/3", new ByteArrayInputStream(new byte[7]), 7, "application/octet-stream");

        assertThat(store().usage(prefix)).isEqualTo(new StorageUsage(2, 15));
    }

    @Test
    void putReplacesAnExistingObject() throws IOException {
        store().put(prefix + "media/x", new ByteArrayInputStream(new byte[]{1}), 1, "application/octet-stream");

        store().put(prefix + "media/x", new ByteArrayInputStream(new byte[]{2, 2}), 2, "application/octet-stream");

        assertThat(readAll(store().open(prefix + "media/x", null))).containsExactly(2, 2);
    }

    @Test
    void aKeyThatClimbsOutOfTheStoreIsRefused() {
        assertThatThrownBy(() -> store().put(prefix + "../../etc/passwd", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadThatBreaksOffLeavesNoObject() {
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("client went away");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store().put(prefix + "media/broken", breaking, -1, "application/octet-stream"))
                .isInstanceOf(StorageFailure.class);

        assertThat(store().stat(prefix + "media/broken")).isEmpty();
        assertThat(store().usage(prefix).objects()).isZero();
    }
}
