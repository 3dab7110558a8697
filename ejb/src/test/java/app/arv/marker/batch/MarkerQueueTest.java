package app.arv.marker.batch;

import app.arv.ServiceBeans;
import app.arv.media.MediaStore;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.persistence.storage.StorageConnection;
import app.arv.shared.DomainException;
import app.arv.storage.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How the compile job's writer records a result, on real PostgreSQL and without a server. */
class MarkerQueueTest {

    private static final long JOB = 7L;

    @Test
    void aResultForAPortraitReplacedWhileItCompiledIsDroppedAndTheNewPortraitWaitsToCompile() {
        Organization acme = TestData.organization("Acme");
        MediaResource retouched = TestData.resource(acme.getId(), "image/jpeg", "anna-retouched.jpg");
        Database.persist(retouched);
        ArContent content = claimedByTheJob(acme, TestData.resource(acme.getId(), "image/jpeg", "anna.jpg"));

        Database.inTransaction(chunk -> {
            // The chunk reads the item when it begins (the reader, for the portrait's bytes) ...
            chunk.find(ArContent.class, content.getId());
            // ... a person replaces the portrait while the marker compiles ...
            Database.inTransaction(person -> person.find(ArContent.class, content.getId()).replaceSource(retouched.getId()));
            // ... and the writer records what the old portrait gave.
            new ServiceBeans(chunk).get(MarkerQueue.class).record(acme.getId(), JOB,
                    CompileOutcome.failed(content.getId(), "Too few features", 3, "unusable", "{}"), null);
        });

        Database.inTransaction(em -> {
            ArContent stored = em.find(ArContent.class, content.getId());
            assertThat(stored.getSourceMediaId()).isEqualTo(retouched.getId());
            assertThat(stored.getMarkerStatus()).isEqualTo(MarkerStatus.PENDING);
            assertThat(stored.getMarkerFailure()).isNull();
        });
    }

    @Test
    void aSlowStoreHoldsNoLockOnTheContentWhileItsMarkerIsStored(@TempDir Path dataDir) throws Exception {
        Organization acme = TestData.organization("Acme");
        ArContent content = claimedByTheJob(acme, TestData.resource(acme.getId(), "image/jpeg", "anna.jpg"));
        TestStores stores = new TestStores(dataDir);
        // A store that accepts connections and never answers: a write waits out the store's read timeout (seconds).
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StorageConnection slow = stores.s3(acme.getId(), "slow", "http://127.0.0.1:" + tarpit.getLocalPort(), "arv-media",
                    "key", "secret");
            slow.makeDefault(true);
            Database.persist(slow);

            CompletableFuture<Void> edit = CompletableFuture.runAsync(() -> {
                pause(Duration.ofMillis(500)); // the writer is waiting for the store by now
                Database.inTransaction(person -> {
                    person.createNativeQuery("SET LOCAL lock_timeout = '1s'").executeUpdate();
                    person.createNativeQuery("UPDATE ar_content SET customer_name = 'Anna B.' WHERE id = ?1")
                            .setParameter(1, content.getId()).executeUpdate();
                });
            });
            Throwable stored = catchThrowable(() -> Database.inTransaction(chunk -> recordAsTheWriterDoes(stores.beans(chunk)
                    .get(MarkerQueue.class), acme, CompileOutcome.ready(content.getId(), new byte[]{1, 2, 3}, 640, 480, 4, "good", "{}"))));

            assertThat(stored).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("storage_unavailable"));
            assertThatNoException().as("a change of the content while its marker was being stored").isThrownBy(edit::join);
        }
    }

    @Test
    void aReadyResultForAPortraitReplacedWhileItCompiledLeavesNoFileInTheStore(@TempDir Path dataDir) {
        Organization acme = TestData.organization("Acme");
        MediaResource retouched = TestData.resource(acme.getId(), "image/jpeg", "anna-retouched.jpg");
        Database.persist(retouched);
        ArContent content = claimedByTheJob(acme, TestData.resource(acme.getId(), "image/jpeg", "anna.jpg"));
        TestStores stores = new TestStores(dataDir);
        CompileOutcome ready = CompileOutcome.ready(content.getId(), new byte[]{1, 2, 3}, 640, 480, 4, "good", "{}");

        MediaStore.StagedFile mind = stores.inTransaction(beans -> beans.get(MarkerQueue.class).stageMind(acme.getId(), JOB, ready));
        Database.inTransaction(person -> person.find(ArContent.class, content.getId()).replaceSource(retouched.getId()));
        stores.inTransaction(beans -> {
            beans.get(MarkerQueue.class).record(acme.getId(), JOB, ready, mind);
            return null;
        });

        assertThat(dataDir.resolve("storage").resolve(mind.key())).doesNotExist();
        Database.inTransaction(em -> assertThat(em.find(ArContent.class, content.getId()).getMarkerMediaId()).isNull());
    }

    /** Anna's {@code portrait}, stored with her AR content in a project of the organization's, which the job claimed. */
    private static ArContent claimedByTheJob(Organization organization, MediaResource portrait) {
        Project wedding = new Project(organization.getId(), "Wedding", null);
        ArContent content = new ArContent(organization.getId(), wedding.getId(), "Anna", portrait.getId());
        Database.persist(wedding, portrait, content);
        Database.inTransaction(em -> new ServiceBeans(em).get(ArContentRepository.class).claimPending(organization.getId(), JOB, JOB));
        return content;
    }

    /** What the compile job's writer does ({@link CompileJob#record}): the file first, then the outcome. */
    private static void recordAsTheWriterDoes(MarkerQueue queue, Organization organization, CompileOutcome outcome) {
        queue.record(organization.getId(), JOB, outcome, queue.stageMind(organization.getId(), JOB, outcome));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
