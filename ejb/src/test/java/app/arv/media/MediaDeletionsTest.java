package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaDeletionDeadLetter;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.storage.TestStores;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object deletions the store refuses, on real PostgreSQL and the platform's local store without a server: parked after
 * their attempts, then tried again at the dead-letter interval until the store accepts. The store refuses while the
 * object's place holds a non-empty directory (a file store cannot delete that, whoever runs the test).
 */
class MediaDeletionsTest {

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Organization acme;
    private MediaResource file;
    private Path object;

    @BeforeEach
    void aDeletedFileWhoseObjectTheStoreRefusesToDelete() throws IOException {
        stores = new TestStores(dataDir);
        acme = TestData.organization("Acme");
        byte[] bytes = ("a portrait " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        file = stores.inTransaction(beans -> beans.get(MediaStore.class).record(beans.get(MediaStore.class)
                .stageBytes(acme.getId(), bytes, "image/png", "anna.png", null, null)));
        object = stored(file);
        Files.delete(object);
        Files.createDirectories(object);
        Files.writeString(object.resolve("in the way"), "x");
    }

    @Test
    void aDeletionParkedAfterItsAttemptsIsNotDueAgainBeforeTheDeadLetterInterval() {
        UUID deletion = parked(rules(Duration.ofHours(1)));

        List<UUID> due = deletions(rules(Duration.ofHours(1)), MediaDeletions::dueParked);

        assertThat(due).doesNotContain(deletion);
        assertThat(letter(deletion).getNextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void aParkedDeletionTheStoreStillRefusesCountsTheAttemptAndWaitsAgain() {
        LifecycleRules rules = rules(Duration.ofHours(1));
        UUID deletion = parked(rules);

        MediaDeletions.Outcome outcome = deletions(rules, d -> d.retryParked(deletion));

        assertThat(outcome).isEqualTo(MediaDeletions.Outcome.STILL_PARKED);
        MediaDeletionDeadLetter letter = letter(deletion);
        assertThat(letter.getAttempts()).isEqualTo(3);
        assertThat(letter.getLastError()).contains(file.getStorageKey());
        assertThat(letter.getNextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void aParkedDeletionDueAgainIsDoneOnceTheStoreAcceptsAndTheFilesRowGoes() throws IOException {
        LifecycleRules rules = rules(Duration.ZERO);
        UUID deletion = parked(rules);
        Files.delete(object.resolve("in the way"));

        List<MediaDeletions.Outcome> outcomes = deletions(rules, d -> d.dueParked().stream().map(d::retryParked).toList());

        assertThat(outcomes).containsExactly(MediaDeletions.Outcome.DELETED);
        assertThat(object).doesNotExist();
        assertThat(letter(deletion)).isNull();
        assertThat(found(MediaResource.class, file.getId())).as("the deleted file's row").isNull();
    }

    /** Deletes the file as deleting it from the library does, and lets each of its two attempts fail. */
    private UUID parked(LifecycleRules rules) {
        List<UUID> owed = stores.inTransaction(beans -> beans.get(MediaDisposal.class)
                .retireIfUnused(beans.get(EntityManager.class).find(MediaResource.class, file.getId()), Instant.now()));
        assertThat(owed).hasSize(1);
        MediaDeletions.Outcome first = deletions(rules, d -> d.attempt(owed.get(0)));
        MediaDeletions.Outcome second = deletions(rules, d -> d.attempt(owed.get(0)));
        assertThat(List.of(first, second)).containsExactly(MediaDeletions.Outcome.RETRYING, MediaDeletions.Outcome.DEAD_LETTERED);
        return owed.get(0);
    }

    private static LifecycleRules rules(Duration deadLetterRetry) {
        return new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(24), 2,
                Duration.ofSeconds(30), deadLetterRetry);
    }

    /** One call of the deletion bean in a transaction of its own, as the timer makes each. */
    private <T> T deletions(LifecycleRules rules, Function<MediaDeletions, T> call) {
        return stores.inTransaction(beans -> call.apply(beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, rules).get(MediaDeletions.class)));
    }

    private MediaDeletionDeadLetter letter(UUID id) {
        return found(MediaDeletionDeadLetter.class, id);
    }

    private static <T> T found(Class<T> type, UUID id) {
        AtomicReference<T> found = new AtomicReference<>();
        Database.inTransaction(em -> found.set(em.find(type, id)));
        return found.get();
    }

    /** Where the platform's local store keeps the file (its key ends with the resource's id). */
    private Path stored(MediaResource resource) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(path -> path.getFileName().toString().equals(resource.getId().toString())).findFirst().orElseThrow();
        }
    }
}
