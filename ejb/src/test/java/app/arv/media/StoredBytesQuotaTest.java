package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.notification.OccurrenceType;
import app.arv.notification.RecordedOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.protection.LimitExceeded;
import app.arv.protection.QuotaKind;
import app.arv.protection.QuotaRules;
import app.arv.protection.Quotas;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.Sha256;
import app.arv.storage.ObjectStores;
import app.arv.storage.S3Endpoint;
import app.arv.storage.S3ProxyServer;
import app.arv.storage.StorageKeys;
import app.arv.storage.StorageTarget;
import app.arv.storage.StorageUsage;
import app.arv.storage.TestStores;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Uploads held to the organization's stored-bytes quota, on real PostgreSQL and the platform's local store (a direct
 * upload: an S3 endpoint on this machine): each is admitted for every byte its recording adds to the use the quota is
 * measured by — the original and the thumbnails made of it.
 */
class StoredBytesQuotaTest {

    @RegisterExtension
    static final S3Endpoint s3 = S3Endpoint.withBucket("arv-media");

    private static final UploadRules RULES = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/png"));

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Spool spool;
    private ImageDecoding decoding;
    private final RecordedOccurrences occurrences = new RecordedOccurrences();
    private Organization acme;
    private Caller member;

    @BeforeEach
    void anOrganizationAndOneOfItsMembers() {
        stores = new TestStores(dataDir);
        spool = TestSpools.in(dataDir);
        decoding = new ImageDecoding(RULES, 2, 128L << 20, Duration.ofSeconds(1));
        acme = TestData.organization("Acme");
        member = Callers.memberOf(acme.getId());
    }

    @Test
    void anUploadWhoseOriginalFitsTheQuotaButNotWithItsThumbnailsIsRefusedAndLeavesNothingBehind() {
        byte[] horse = TestImages.resource("horse.png");

        Throwable thrown = catchThrowable(() -> upload(horse, horse.length));

        assertRefusedForStoredBytes(thrown);
        assertThat(countOf("MediaResource")).as("media rows").isZero();
        assertThat(countOf("MediaDeletion")).as("owed deletions").isZero();
        assertThat(storedObjects()).isEqualTo(new StorageUsage(0, 0));
    }

    @Test
    void anUploadThatFitsTheQuotaWithItsThumbnailsIsRecordedAndUsesWhatItWasAdmittedFor() {
        byte[] horse = TestImages.resource("horse.png");
        long withThumbnails = horse.length + thumbnailBytesOf(horse);

        List<MediaResource> stored = upload(horse, withThumbnails);

        assertThat(stored).hasSize(1);
        long used = Database.result(em -> new ServiceBeans(em).get(Quotas.class).usage(acme.getId()).storedBytes());
        assertThat(used).isEqualTo(withThumbnails);
        // Told when the admitted upload filled the quota, with the use it was admitted to.
        assertThat(occurrences.fired()).singleElement().satisfies(reached -> {
            assertThat(reached.type()).isEqualTo(OccurrenceType.QUOTA_REACHED);
            assertThat(reached.data().getJsonNumber("used").longValue()).as("admitted").isEqualTo(used);
        });
    }

    @Test
    void aDirectUploadWhoseOriginalFitsTheQuotaButNotWithItsThumbnailsIsRefusedAndLeavesNothingBehind() {
        StorageConnection bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), s3.endpoint(), s3.bucket(),
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        Database.persist(bucket);
        byte[] horse = TestImages.resource("horse.png");
        MediaUpload upload = uploadedTo(bucket, horse);

        Throwable thrown = catchThrowable(() -> stores.inTransaction(beans -> beans.with(UploadRules.class, RULES)
                .with(Spool.class, spool).with(ImageDecoding.class, decoding).with(Event.class, occurrences)
                .with(MetricRegistry.class, new CountedMetrics().registry())
                .with(QuotaRules.class, new QuotaRules(horse.length, 1000, false, 100))
                .get(DirectUploads.class).complete(member, upload.getId())));

        assertRefusedForStoredBytes(thrown);
        assertThat(countOf("MediaResource")).as("media rows").isZero();
        assertThat(countOf("MediaDeletion")).as("owed deletions").isZero();
        // The client's upload, its verified copy and the thumbnails made of it, all under the organization's prefix.
        assertThat(objectsIn(bucket)).isEqualTo(new StorageUsage(0, 0));
    }

    /** 429 {@code quota_exceeded}, naming the stored-bytes quota, as the problem shows it. */
    private static void assertRefusedForStoredBytes(Throwable thrown) {
        assertThat(thrown).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo(LimitExceeded.QUOTA_EXCEEDED);
            assertThat(e.quota()).isEqualTo(QuotaKind.STORED_BYTES.wireName());
        });
    }

    /** One {@code POST /media} of the image, in a transaction of its own, with that stored-bytes quota. */
    private List<MediaResource> upload(byte[] image, long storedBytesQuota) {
        SpooledFile file = spool.take("horse.png", new ByteArrayInputStream(image), RULES.maxFileBytes());
        return stores.inTransaction(beans -> beans.with(UploadRules.class, RULES).with(Spool.class, spool)
                .with(ImageDecoding.class, decoding).with(MetricRegistry.class, new CountedMetrics().registry())
                .with(Event.class, occurrences).with(QuotaRules.class, new QuotaRules(storedBytesQuota, 1000, false, 100))
                .get(MediaService.class).upload(member, List.of(file)));
    }

    /** A direct upload of the image announced and its bytes PUT to the bucket, its URL still valid. */
    private MediaUpload uploadedTo(StorageConnection bucket, byte[] image) {
        UUID id = UUID.randomUUID();
        MediaUpload upload = new MediaUpload(id, acme.getId(), bucket.getId(),
                StorageKeys.upload(StorageKeys.organizationPrefix(null, acme.getId()), id), "horse.png", image.length,
                Sha256.hex(image), Instant.now().plus(Duration.ofHours(1)));
        Database.persist(upload);
        stores.inTransaction(beans -> {
            beans.get(ObjectStores.class).target(acme.getId(), bucket.getId()).store()
                    .put(upload.getStorageKey(), new ByteArrayInputStream(image), image.length, "image/png");
            return null;
        });
        return upload;
    }

    /** The objects the organization has in the bucket. */
    private StorageUsage objectsIn(StorageConnection bucket) {
        return stores.inTransaction(beans -> {
            StorageTarget target = beans.get(ObjectStores.class).target(acme.getId(), bucket.getId());
            return target.store().usage(target.prefix());
        });
    }

    /** Bytes of the thumbnails made of the image, which an upload stores with it. */
    private long thumbnailBytesOf(byte[] image) {
        try (SpooledFile file = spool.take("horse.png", new ByteArrayInputStream(image), RULES.maxFileBytes());
                InspectedImage inspected = new ImageInspector(spool, decoding).inspect(file)) {
            assertThat(inspected.thumbnails()).as("thumbnails").isNotEmpty();
            return inspected.thumbnails().stream().mapToLong(InspectedImage.Thumbnail::size).sum();
        }
    }

    /** The objects the organization has in the platform's store. */
    private StorageUsage storedObjects() {
        return stores.inTransaction(beans -> {
            StorageTarget target = beans.get(ObjectStores.class).currentTarget(acme.getId());
            return target.store().usage(target.prefix());
        });
    }

    /** Rows of the entity that are the organization's, live or not. */
    private long countOf(String entity) {
        return Database.result(em -> em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.organizationId = :org",
                Long.class).setParameter("org", acme.getId()).getSingleResult());
    }
}
