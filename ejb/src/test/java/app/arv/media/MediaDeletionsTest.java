package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaDeletion;
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
 * object's place holds a non-empty directory (a file store cannot delete that, whoever runs the test). And what a round
 * does with a deletion another node tried since the round read it, and with a store that refused once.
 */
class MediaDeletionsTest {

    /** As configured by default: deletions back off from 30 s. */
    private static final LifecycleRules BACKING_OFF = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofHours(1));

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
        file = refusedFile();
        object = stored(file);
    }

    @Test
    void aDeletionAnotherNodeTriedSinceTheRoundReadItIsNotTriedAgainBeforeItsBackoff() {
        UUID deletion = retired(file);
        assertThat(deletions(BACKING_OFF, MediaDeletions::due)).as("what both nodes' rounds read").contains(deletion);
        MediaDeletions.Outcome first = deletions(BACKING_OFF, d -> d.attempt(deletion));
        assertThat(first).isEqualTo(MediaDeletions.Outcome.RETRYING);

        MediaDeletions.Outcome again = deletions(BACKING_OFF, d -> d.attempt(deletion));

        assertThat(again).isEqualTo(MediaDeletions.Outcome.SKIPPED);
        assertThat(pending(deletion).getAttempts()).isEqualTo(1);
    }

    @Test
    void aParkedDeletionAnotherNodeRetriedSinceTheRoundReadItIsNotRetriedAgain() {
        UUID deletion = parked(rules(Duration.ZERO));
        assertThat(deletions(rules(Duration.ofHours(1)), MediaDeletions::dueParked)).as("what both nodes' rounds read").contains(deletion);
        MediaDeletions.Outcome first = deletions(rules(Duration.ofHours(1)),
                d -> d.retryDueParked(deletion, new RemovalRound()));
        assertThat(first).isEqualTo(MediaDeletions.Outcome.STILL_PARKED);

        MediaDeletions.Outcome again = deletions(rules(Duration.ofHours(1)),
                d -> d.retryDueParked(deletion, new RemovalRound()));

        assertThat(again).isEqualTo(MediaDeletions.Outcome.SKIPPED);
        assertThat(letter(deletion).getAttempts()).isEqualTo(3);
    }

    @Test
    void aRoundAsksAStoreThatRefusedADeletionForNoOtherAndCountsTheRefusalForThem() throws IOException {
        List<UUID> owed = List.of(retired(file), retired(refusedFile()), retired(refusedFile()));
        CountedMetrics metrics = new CountedMetrics();

        DeletionRound round = round(BACKING_OFF, metrics, d -> d.attemptNow(owed));

        assertThat(round).isEqualTo(new DeletionRound(0, 3, 0));
        assertThat(metrics.count("arv_media_deletion_failures")).as("deletions the store was asked for").isEqualTo(1);
        List<MediaDeletion> after = owed.stream().map(MediaDeletionsTest::pending).toList();
        assertThat(after).extracting(MediaDeletion::getAttempts).containsOnly(1);
        assertThat(after).extracting(MediaDeletion::getLastError).filteredOn(error -> error.startsWith("Not tried: "))
                .hasSize(2).allSatisfy(error -> assertThat(error).contains(file.getStorageKey()));
        assertThat(after).extracting(MediaDeletion::getNextAttemptAt)
                .allSatisfy(at -> assertThat(at).isAfter(Instant.now().plus(Duration.ofSeconds(20))));
    }

    @Test
    void deletionsARoundDidNotTryAreTriedBeforeTheOneTheStoreRefused() throws IOException {
        List<UUID> owed = List.of(retired(file), retired(refusedFile()));
        LifecycleRules noWait = rules(Duration.ofHours(1));
        round(noWait, new CountedMetrics(), d -> d.attemptNow(owed));
        UUID notTried = owed.stream().filter(id -> pending(id).getLastError().startsWith("Not tried: ")).findFirst().orElseThrow();
        Files.delete(stored(resourceOf(notTried)).resolve("in the way"));

        DeletionRound next = round(noWait, new CountedMetrics(), MediaDeletions::processDue);

        assertThat(next).as("the one not tried deleted, then the refused one parked").isEqualTo(new DeletionRound(1, 0, 1));
        assertThat(pending(notTried)).isNull();
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

        List<MediaDeletions.Outcome> outcomes = deletions(rules, d -> d.dueParked().stream()
                .map(id -> d.retryDueParked(id, new RemovalRound())).toList());

        assertThat(outcomes).containsExactly(MediaDeletions.Outcome.DELETED);
        assertThat(object).doesNotExist();
        assertThat(letter(deletion)).isNull();
        assertThat(found(MediaResource.class, file.getId())).as("the deleted file's row").isNull();
    }

    /** A stored file whose object's place holds a non-empty directory: the store refuses to delete it. */
    private MediaResource refusedFile() throws IOException {
        byte[] bytes = ("a portrait " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaResource stored = stores.inTransaction(beans -> beans.get(MediaStore.class).record(beans.get(MediaStore.class)
                .stageBytes(acme.getId(), bytes, "image/png", "anna.png", null, null)));
        Path place = stored(stored);
        Files.delete(place);
        Files.createDirectories(place);
        Files.writeString(place.resolve("in the way"), "x");
        return stored;
    }

    /** Deletes the file as deleting it from the library does: its object deletion is owed. */
    private UUID retired(MediaResource resource) {
        List<UUID> owed = stores.inTransaction(beans -> beans.get(MediaDisposal.class)
                .retireIfUnused(beans.get(EntityManager.class).find(MediaResource.class, resource.getId()), Instant.now()));
        assertThat(owed).hasSize(1);
        return owed.get(0);
    }

    /** Deletes the file as deleting it from the library does, and lets each of its two attempts fail. */
    private UUID parked(LifecycleRules rules) {
        UUID owed = retired(file);
        MediaDeletions.Outcome first = deletions(rules, d -> d.attempt(owed));
        MediaDeletions.Outcome second = deletions(rules, d -> d.attempt(owed));
        assertThat(List.of(first, second)).containsExactly(MediaDeletions.Outcome.RETRYING, MediaDeletions.Outcome.DEAD_LETTERED);
        return owed;
    }

    /** Two attempts, retried at once (no backoff: {@link #parked} tries twice in a row). */
    private static LifecycleRules rules(Duration deadLetterRetry) {
        return new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(24), 2,
                Duration.ZERO, deadLetterRetry);
    }

    /** A round as the timer or a commit runs it: each attempt in a transaction of its own, the bean its own proxy. */
    private <T> T round(LifecycleRules rules, CountedMetrics metrics, Function<MediaDeletions, T> call) {
        return stores.inTransaction(beans -> call.apply(beans.with(MetricRegistry.class, metrics.registry())
                .with(LifecycleRules.class, rules).get(MediaDeletions.class)));
    }

    /** One call of the deletion bean in a transaction of its own, as the timer makes each. */
    private <T> T deletions(LifecycleRules rules, Function<MediaDeletions, T> call) {
        return stores.inTransaction(beans -> call.apply(beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, rules).get(MediaDeletions.class)));
    }

    private MediaDeletionDeadLetter letter(UUID id) {
        return found(MediaDeletionDeadLetter.class, id);
    }

    private static MediaDeletion pending(UUID id) {
        return found(MediaDeletion.class, id);
    }

    private static MediaResource resourceOf(UUID deletion) {
        return found(MediaResource.class, pending(deletion).getResourceId());
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
