package app.arv.media;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.shared.DomainException;
import app.arv.storage.ByteRange;
import app.arv.storage.LocalObjectStore;
import app.arv.storage.ObjectInfo;
import app.arv.storage.ObjectStore;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageKeys;
import app.arv.storage.StorageTarget;
import app.arv.storage.StorageUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Writing a checked file's objects before they are recorded, on a real local store and real PostgreSQL. */
class MediaIntakeTest {

    @TempDir
    Path spoolDir;
    @TempDir
    Path storeDir;
    private Spool spool;
    private ImageInspector inspector;
    private Organization acme;
    private String prefix;

    @BeforeEach
    void aSpoolAndAnInspector() {
        acme = TestData.organization("Acme");
        prefix = StorageKeys.organizationPrefix(null, acme.getId());
        spool = TestSpools.in(spoolDir);
        UploadRules rules = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/jpeg", "image/png", "image/webp"));
        inspector = new ImageInspector(spool, new ImageDecoding(rules, 2, 128L << 20, Duration.ofSeconds(1)));
    }

    @Test
    void anOriginalAlreadyInPlaceGoesWithTheThumbnailsWhenAThumbnailCannotBeWritten() {
        LocalObjectStore disk = new LocalObjectStore(storeDir);
        byte[] horse = TestImages.resource("horse.png");
        SpooledFile file = spool.take("horse.png", new ByteArrayInputStream(horse), 10 << 20);
        InspectedImage image = inspector.inspect(file);
        UUID id = UUID.randomUUID();
        // The verified copy of a direct upload, already in the store before its thumbnails are written.
        StorageTarget target = new StorageTarget(null, new FillsUpAfter(1, disk), prefix);
        disk.put(target.mediaKey(id), new ByteArrayInputStream(horse), horse.length, "image/png");

        Throwable thrown = catchThrowable(() -> Database.inTransaction(em -> new ServiceBeans(em).get(MediaIntake.class)
                .stage(acme.getId(), target, file, image, id, target.mediaKey(id))));

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("storage_unavailable"));
        assertThat(disk.usage(prefix)).isEqualTo(new StorageUsage(0, 0));
    }

    /** A local store whose disk has room for only so many more objects: then every write is refused, as a full disk refuses it. */
    private static final class FillsUpAfter implements ObjectStore {

        private final AtomicInteger room;
        private final ObjectStore disk;

        FillsUpAfter(int objects, ObjectStore disk) {
            this.room = new AtomicInteger(objects);
            this.disk = disk;
        }

        private void claimRoom(String key) {
            if (room.getAndDecrement() <= 0) {
                throw new StorageFailure("Cannot write " + key + ": no space left on device");
            }
        }

        @Override
        public void put(String key, InputStream content, long size, String contentType) {
            claimRoom(key);
            disk.put(key, content, size, contentType);
        }

        @Override
        public void putFile(String key, Path file, String contentType) {
            claimRoom(key);
            disk.putFile(key, file, contentType);
        }

        @Override
        public InputStream open(String key, ByteRange range) {
            return disk.open(key, range);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return disk.stat(key);
        }

        @Override
        public void delete(String key) {
            disk.delete(key);
        }

        @Override
        public StorageUsage usage(String prefix) {
            return disk.usage(prefix);
        }

        @Override
        public boolean presigns() {
            return false;
        }

        @Override
        public URI presignedGet(String key, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI presignedPut(String key, Duration ttl) {
            throw new UnsupportedOperationException();
        }
    }
}
