package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.TestTransactions;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.storage.ObjectInfo;
import app.arv.storage.ObjectStores;
import app.arv.storage.S3Endpoint;
import app.arv.storage.S3ProxyServer;
import app.arv.storage.TestStores;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Objects written to an organization's S3 bucket before the transaction that records them, on real PostgreSQL and an
 * S3 endpoint on this machine: one whose process died before recording it (staged, then neither recorded nor removed)
 * is deleted by the owed-deletion timer once older than {@code arv.media.orphan-grace}; a recorded one, or one still
 * within the grace, is not.
 */
class StagedObjectsTest {

    @RegisterExtension
    static final S3Endpoint s3 = S3Endpoint.withBucket("arv-media");

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Organization acme;
    private StorageConnection bucket;

    @BeforeEach
    void anOrganizationStoringInItsOwnBucket() {
        stores = new TestStores(dataDir);
        acme = TestData.organization("Acme");
        bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), s3.endpoint(), "arv-media", S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY);
        bucket.makeDefault(true);
        Database.persist(bucket);
    }

    @Test
    void anObjectStagedByAProcessThatDiedBeforeRecordingItIsDeletedOnceOlderThanTheGrace() {
        MediaStore.StagedFile abandoned = staged(Duration.ZERO);

        sweep();

        assertThat(stat(abandoned)).as("the abandoned object").isEmpty();
        assertThat(owedDeletionsOf(abandoned)).isZero();
    }

    @Test
    void anObjectStagedAndRecordedIsNeverDeletedByTheSweep() {
        MediaStore.StagedFile staged = staged(Duration.ZERO);
        MediaResource recorded = stores.inTransaction(beans -> beans.get(MediaStore.class).record(staged));

        sweep();

        assertThat(stat(staged)).as("the recorded object").isPresent();
        assertThat(owedDeletionsOf(staged)).isZero();
        boolean retired = Database.result(em -> em.find(MediaResource.class, recorded.getId()).isDeleted());
        assertThat(retired).as("the recorded resource retired").isFalse();
    }

    @Test
    void anObjectStagedWithinTheGraceIsLeftForItsRecording() {
        MediaStore.StagedFile staged = staged(Duration.ofHours(24));

        sweep();

        assertThat(stat(staged)).as("the staged object").isPresent();
        assertThat(owedDeletionsOf(staged)).isEqualTo(1);
    }

    @Test
    void aRecordingThatRollsBackDeletesTheStagedObjectAtOnceAndOwesNothing() {
        MediaStore.StagedFile staged = staged(Duration.ofHours(24));

        Throwable thrown = catchThrowable(() -> stores.inTransaction(beans -> {
            beans.get(MediaStore.class).record(staged);
            throw new IllegalStateException("the owner went away meanwhile");
        }));

        assertThat(thrown).hasMessage("the owner went away meanwhile");
        assertThat(stat(staged)).as("the staged object").isEmpty();
        assertThat(owedDeletionsOf(staged)).isZero();
    }

    @Test
    void aStagedObjectWhoseRecordingCommittedIsKeptThoughTheRecordingsCallerSawItFail() {
        MediaStore.StagedFile staged = staged(Duration.ofHours(24));
        MediaResource recorded = stores.inTransaction(beans -> beans.get(MediaStore.class).record(staged));

        discardUnrecorded(staged);

        assertThat(stat(staged)).as("the recorded object").isPresent();
        assertThat(owedDeletionsOf(staged)).isZero();
        boolean retired = Database.result(em -> em.find(MediaResource.class, recorded.getId()).isDeleted());
        assertThat(retired).as("the recorded resource retired").isFalse();
    }

    /** Its recording failed before it took the object on (the owner's lock not had in time, say). */
    @Test
    void aStagedObjectNoRecordingTookOnIsRemovedAtOnceAndOwesNothing() {
        MediaStore.StagedFile staged = staged(Duration.ofHours(24));

        discardUnrecorded(staged);

        assertThat(stat(staged)).as("the staged object").isEmpty();
        assertThat(owedDeletionsOf(staged)).isZero();
    }

    /**
     * The recording's transaction has recorded the object but not ended when its caller, told of a failure, asks (a commit
     * in doubt: prepared, or its connection broken before the database saw it go); then it commits.
     */
    @Test
    void aStagedObjectWhoseRecordingIsNotSettledWhenAskedIsLeftToIt() {
        MediaStore.StagedFile staged = staged(Duration.ofHours(24));
        EntityManager recording = Database.entityManagerFactory().createEntityManager();
        try {
            recording.getTransaction().begin();
            TestTransactions completions = new TestTransactions();
            completions.began();
            stores.beans(recording).with(TransactionSynchronizationRegistry.class, completions).get(MediaStore.class).record(staged);

            discardUnrecorded(staged);

            recording.getTransaction().commit();
        } finally {
            if (recording.getTransaction().isActive()) {
                recording.getTransaction().rollback();
            }
            recording.close();
        }
        assertThat(stat(staged)).as("the recorded object").isPresent();
        assertThat(owedDeletionsOf(staged)).isZero();
    }

    /** What a caller whose recording of {@code staged} failed does with it, outside any transaction of its own. */
    private void discardUnrecorded(MediaStore.StagedFile staged) {
        stores.inTransaction(beans -> {
            // A wait for a lock this test's own recording holds would never end: one that waits gives up instead.
            beans.get(EntityManager.class).createNativeQuery("SET LOCAL lock_timeout = '2s'").executeUpdate();
            beans.get(MediaStore.class).discardUnrecorded(staged);
            return null;
        });
    }

    /**
     * Bytes written to the bucket as a generated model is, before its recording, by a node whose
     * {@code arv.media.orphan-grace} is {@code grace}; committed, nothing recorded.
     */
    private MediaStore.StagedFile staged(Duration grace) {
        byte[] bytes = ("a model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaStore.StagedFile staged = stores.inTransaction(beans -> beans.with(LifecycleRules.class, rules(grace))
                .get(MediaStore.class).stageBytes(acme.getId(), bytes, "model/gltf-binary", "model.glb", null, null));
        assertThat(stat(staged)).as("the staged object").isPresent();
        return staged;
    }

    /** The owed-deletion timer's round; each attempt the bean's own call. */
    private void sweep() {
        stores.inTransaction(beans -> beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, rules(Duration.ofHours(24)))
                .get(MediaDeletions.class).processDue());
    }

    private static LifecycleRules rules(Duration orphanGrace) {
        return new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15), orphanGrace, 5,
                Duration.ofSeconds(30), Duration.ofHours(1));
    }

    private Optional<ObjectInfo> stat(MediaStore.StagedFile staged) {
        return stores.inTransaction(beans -> beans.get(ObjectStores.class).target(acme.getId(), bucket.getId()).store()
                .stat(staged.key()));
    }

    private static long owedDeletionsOf(MediaStore.StagedFile staged) {
        return Database.result(em -> em.createQuery("SELECT COUNT(d) FROM MediaDeletion d WHERE d.organizationId = :org AND d.storageKey = :key", Long.class)
                .setParameter("org", staged.organizationId()).setParameter("key", staged.key()).getSingleResult());
    }
}
