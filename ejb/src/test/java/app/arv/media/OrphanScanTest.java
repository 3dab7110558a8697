package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.launcher.FreePorts;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.TestStores;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orphan scan's removal of expired direct uploads when a store refuses, on real PostgreSQL and S3 endpoints on
 * this machine, without a server: one organization's bucket that is down (nothing listens at its address) must not
 * keep every other organization's expired uploads.
 */
class OrphanScanTest {

    /** As configured by default: deletions back off from 30 s, up to an hour. */
    private static final LifecycleRules RULES = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofHours(1));

    @TempDir
    Path dataDir;
    private TestStores stores;
    private StorageConnection downBucket;

    @BeforeEach
    void anOrganizationWhoseBucketIsDown() throws IOException {
        stores = new TestStores(dataDir);
        int closed = FreePorts.pick();
        downBucket = bucketAt(TestData.organization("Broken"), "http://127.0.0.1:" + closed);
    }

    @Test
    void anotherOrganizationsExpiredUploadGoesWhileAThousandOfABrokenBucketKeepFailing() throws IOException {
        Database.persist(IntStream.range(0, 1000).mapToObj(i -> expiredUpload(downBucket, Duration.ofDays(2))).toArray());
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            MediaUpload acmes = expiredUpload(bucketAt(TestData.organization("Acme"), store.endpoint()), Duration.ofMinutes(1));
            Database.persist(acmes);

            scan();
            scan();

            assertThat(found(acmes.getId())).as("Acme's expired upload").isNull();
            assertThat(store.deletions()).as("deletions of Acme's upload key").isEqualTo(1);
        }
    }

    @Test
    void anExpiredUploadWhoseKeyTheStoreRefusesStaysCountsTheFailureAndWaits() {
        MediaUpload upload = expiredUpload(downBucket, Duration.ofMinutes(1));
        Database.persist(upload);

        scan();

        MediaUpload kept = found(upload.getId());
        assertThat(kept).as("the upload's row").isNotNull();
        assertThat(kept.getRemovalAttempts()).isEqualTo(1);
        assertThat(kept.getRemovalError()).isNotBlank();
        assertThat(kept.getRemovalRetryAt()).isAfter(Instant.now().plus(Duration.ofSeconds(20)));
    }

    @Test
    void anExpiredUploadWhoseKeyTheStoreRefusedIsTriedAgainOnceItsWaitIsOver() {
        LifecycleRules noWait = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(24),
                5, Duration.ZERO, Duration.ZERO);
        MediaUpload upload = expiredUpload(downBucket, Duration.ofMinutes(1));
        Database.persist(upload);
        scan(noWait);

        scan(noWait);

        assertThat(found(upload.getId()).getRemovalAttempts()).isEqualTo(2);
    }

    private void scan() {
        scan(RULES);
    }

    /** One scan as the timer runs it: its steps each in the one transaction of the test's beans. */
    private void scan(LifecycleRules rules) {
        stores.inTransaction(beans -> beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, rules)
                .get(OrphanScan.class).run());
    }

    private StorageConnection bucketAt(Organization organization, String endpoint) {
        StorageConnection bucket = stores.s3(organization.getId(), "bucket " + UUID.randomUUID(), endpoint, "arv-media",
                "key", "secret");
        Database.persist(bucket);
        return bucket;
    }

    /** A direct upload never completed, whose URL expired {@code ago} (not persisted yet). */
    private static MediaUpload expiredUpload(StorageConnection bucket, Duration ago) {
        UUID id = UUID.randomUUID();
        MediaUpload upload = new MediaUpload(id, bucket.getOrganizationId(), bucket.getId(), "orgs/" + bucket.getOrganizationId()
                + "/uploads/" + id, "portrait.png", 1000, TestData.randomSha256(), Instant.now().minus(ago));
        return upload;
    }

    private static MediaUpload found(UUID id) {
        AtomicReference<MediaUpload> found = new AtomicReference<>();
        Database.inTransaction(em -> found.set(em.find(MediaUpload.class, id)));
        return found.get();
    }
}
