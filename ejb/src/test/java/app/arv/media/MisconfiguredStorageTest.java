package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.launcher.FreePorts;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaDeletionDeadLetter;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.shared.DomainException;
import app.arv.storage.S3Endpoint;
import app.arv.storage.S3ProxyServer;
import app.arv.storage.TestStores;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A storage connection whose settings the S3 store refuses (a wrong secret, a bucket that is not there) is not an outage:
 * writing through it fails at once with 502 {@code storage_misconfigured}, without Retry-After, where a store that is away
 * is 503 {@code storage_unavailable} with it (and waited out by the work in the background). An object deletion such a
 * store refuses is parked as a dead letter at once, with the reason, where one a store that is down refuses waits its
 * backoff. On a real S3 server.
 */
class MisconfiguredStorageTest {

    @RegisterExtension
    static final S3Endpoint s3 = S3Endpoint.withBucket("arv-media");

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Organization acme;

    @BeforeEach
    void anOrganization() {
        stores = new TestStores(dataDir);
        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        Database.persist(acme);
    }

    @Test
    void aStoreThatRefusesTheSecretIsMisconfiguredNotUnavailable() {
        writesTo(s3.endpoint(), "arv-media", "not-the-secret");

        assertThat(catchThrowable(this::storeAFile)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.code()).isEqualTo("storage_misconfigured");
            assertThat(e.retryAfter()).isEmpty();
        });
    }

    @Test
    void aBucketThatIsNotThereIsMisconfiguredNotUnavailable() {
        writesTo(s3.endpoint(), "no-such-bucket", S3ProxyServer.SECRET_KEY);

        assertThat(catchThrowable(this::storeAFile)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("storage_misconfigured");
            assertThat(e.getMessage()).contains("NoSuchBucket");
        });
    }

    @Test
    void aConnectionSavedWithABucketNameTheS3ClientRefusesIsMisconfiguredNotUnavailable() {
        writesTo(s3.endpoint(), "arv..media", S3ProxyServer.SECRET_KEY);

        assertThat(catchThrowable(this::storeAFile)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.code()).isEqualTo("storage_misconfigured");
            assertThat(e.retryAfter()).isEmpty();
            assertThat(e.getMessage()).contains("bucket");
        });
    }

    @Test
    void aStoreThatIsDownIsUnavailableForNow() throws Exception {
        int closed = FreePorts.pick();
        writesTo("http://127.0.0.1:" + closed, "arv-media", S3ProxyServer.SECRET_KEY);

        assertThat(catchThrowable(this::storeAFile)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("storage_unavailable");
            assertThat(e.retryAfter()).isPresent();
        });
    }

    @Test
    void aWellConfiguredStoreTakesTheFile() {
        writesTo(s3.endpoint(), "arv-media", S3ProxyServer.SECRET_KEY);

        assertThat(storeAFile().size()).isEqualTo(3);
    }

    @Test
    void aDeletionTheStoreRefusesForAWrongSecretIsParkedAtOnceWithTheReason() {
        StorageConnection connection = writesTo(s3.endpoint(), "arv-media", "not-the-secret");
        UUID deletion = owedDeletionThrough(connection);

        MediaDeletions.Outcome outcome = attempt(deletion);

        assertThat(outcome).as("waiting heals nothing: no backoff first").isEqualTo(MediaDeletions.Outcome.DEAD_LETTERED);
        MediaDeletionDeadLetter letter = found(MediaDeletionDeadLetter.class, deletion);
        assertThat(letter.getAttempts()).isEqualTo(1);
        assertThat(letter.getLastError()).contains("credentials, bucket or region are wrong");
    }

    @Test
    void aDeletionThroughAConnectionWhoseBucketNameTheS3ClientRefusesIsParkedAtOnceWithTheReason() {
        StorageConnection connection = writesTo(s3.endpoint(), "arv..media", S3ProxyServer.SECRET_KEY);
        UUID deletion = owedDeletionThrough(connection);

        MediaDeletions.Outcome outcome = attempt(deletion);

        assertThat(outcome).isEqualTo(MediaDeletions.Outcome.DEAD_LETTERED);
        assertThat(found(MediaDeletionDeadLetter.class, deletion).getLastError()).contains("bucket").contains("must correct it");
    }

    @Test
    void aDeletionFromAStoreThatIsDownWaitsItsBackoff() throws Exception {
        int closed = FreePorts.pick();
        UUID deletion = owedDeletionThrough(writesTo("http://127.0.0.1:" + closed, "arv-media", S3ProxyServer.SECRET_KEY));

        assertThat(attempt(deletion)).isEqualTo(MediaDeletions.Outcome.RETRYING);
    }

    /** A stored file of the connection, deleted as deleting it from the library does: its object deletion is owed. */
    private UUID owedDeletionThrough(StorageConnection connection) {
        UUID id = UUID.randomUUID();
        MediaResource file = new MediaResource(id, acme.getId(), TestData.randomSha256(), 3, "image/png", "anna.png", 1, 1,
                connection.getId(), "orgs/" + acme.getId() + "/media/" + id);
        Database.persist(file);
        List<UUID> owed = stores.inTransaction(beans -> beans.get(MediaDisposal.class)
                .retireIfUnused(beans.get(EntityManager.class).find(MediaResource.class, id), Instant.now()));
        assertThat(owed).hasSize(1);
        return owed.get(0);
    }

    /** One attempt, as the deletion timer makes it, with deletions given up after five (as configured by default). */
    private MediaDeletions.Outcome attempt(UUID deletion) {
        LifecycleRules fiveAttempts = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofHours(1));
        return stores.inTransaction(beans -> beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, fiveAttempts).get(MediaDeletions.class).attempt(deletion));
    }

    private static <T> T found(Class<T> type, UUID id) {
        AtomicReference<T> found = new AtomicReference<>();
        Database.inTransaction(em -> found.set(em.find(type, id)));
        return found.get();
    }

    private StorageConnection writesTo(String endpoint, String bucket, String secret) {
        StorageConnection connection = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), endpoint, bucket,
                S3ProxyServer.ACCESS_KEY, secret);
        connection.makeDefault(true);
        Database.persist(connection);
        return connection;
    }

    private MediaStore.StagedFile storeAFile() {
        return stores.inTransaction(beans -> beans.get(MediaStore.class)
                .stageBytes(acme.getId(), new byte[]{1, 2, 3}, "application/octet-stream", "three.bin", null, null));
    }
}
