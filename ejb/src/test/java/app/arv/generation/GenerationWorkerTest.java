package app.arv.generation;

import app.arv.events.TestRedis;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.media.MediaStore;
import app.arv.media.Spool;
import app.arv.media.TestSpools;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.TestStores;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a worker does with one delivery of an item's message when making the model breaks with an {@link Error}, on a
 * real PostgreSQL, Redis and the platform's local store without a server. The worker's steps run in the call's one
 * transaction here (the container commits each on its own); what is committed at the end is what the container's
 * commits add up to when the delivery is acknowledged.
 */
class GenerationWorkerTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    /** The message GenerationService sent for the item. */
    private static final UUID MESSAGE = UUID.randomUUID();

    @TempDir
    Path dataDir;
    private GenerationFixture fixture;

    @BeforeEach
    void anOrganizationWithItsStore() {
        fixture = new GenerationFixture(redis);
        TestStores stores = new TestStores(dataDir);
        fixture.supplyEach(beans -> beans.with(ObjectStores.class, stores.beans(beans.get(EntityManager.class)).get(ObjectStores.class)));
    }

    /** What a test's provider does with an image: one line of each provider below. */
    @FunctionalInterface
    private interface Makes {
        ModelResult of(SourceImage image) throws ModelRefusedException;
    }

    /** A provider of the test's own, named for what it does, counting its calls. */
    private record Scripted(String name, Makes makes, AtomicInteger attempts) implements ModelProvider {

        Scripted(String name, Makes makes) {
            this(name, makes, new AtomicInteger());
        }

        int calls() {
            return attempts.get();
        }

        @Override
        public ModelResult generate(SourceImage image, GenerationOptions options, ProgressSink progress, ProviderRequest request)
                throws ModelRefusedException {
            attempts.incrementAndGet();
            return makes.of(image);
        }
    }

    /** A provider whose model-making recurses without end on every image: a real stack overflow, as a library's bug makes one. */
    private static Scripted recursing() {
        return new Scripted("recursing", image -> new ModelResult(deeper(image.bytes(), 0), null, null));
    }

    private static byte[] deeper(byte[] bytes, int depth) {
        return depth < 0 ? bytes : deeper(bytes, depth + 1);
    }

    /**
     * A provider whose attempt finds the heap short. Thrown rather than provoked: filling the test JVM's heap would
     * fail whatever else runs in it; the JVM throws the same error where an allocation does not fit.
     */
    private static Scripted heapShort() {
        return new Scripted("heap-short", image -> {
            throw new OutOfMemoryError("Java heap space");
        });
    }

    /**
     * A provider during whose attempt one of the container's steps (an EJB) broke with an {@link Error}: what reaches the
     * worker is what Payara's container throws then, an EJBException carrying the Error's message with the Error as its
     * cause (EJBContainerTransactionManager.processSystemException).
     */
    private static Scripted stepBrokenBy(Error error) {
        return new Scripted("step-broken", image -> {
            EJBException wrapped = new EJBException(error.getMessage());
            wrapped.initCause(error);
            throw wrapped;
        });
    }

    /** A provider whose progress report heard that the item is no longer wanted, and stopped (as FAL's and the local one do). */
    private static Scripted unwanted() {
        return new Scripted("unwanted", image -> {
            throw ModelRefusedException.noLongerWanted("stopped at its progress report");
        });
    }

    /** What {@link #downloading} hands over. */
    private static final byte[] DOWNLOADED = "glTF-a-model-downloaded-to-the-spool".getBytes(StandardCharsets.US_ASCII);

    /** A provider that downloads its models (as the paid one does): each is handed over in a file of the node's spool. */
    private static Scripted downloading(Spool spool) {
        return new Scripted("downloading", image -> ModelResult.inFile(spool.take("model.glb", new ByteArrayInputStream(DOWNLOADED),
                DOWNLOADED.length), null, null));
    }

    /**
     * A provider during whose run the store, which answered the source's read, stops answering: what the worker meets when
     * it keeps the model ({@code store}) after a blip of the store there.
     */
    private static Scripted storeGoneWhileMaking() {
        return new Scripted("store-gone", image -> {
            throw DomainException.storageUnavailable("The storage did not answer in time");
        });
    }

    /** A provider that makes a model of any image. */
    private static Scripted making() {
        return new Scripted("making", image -> new ModelResult("glTF-a-model".getBytes(StandardCharsets.US_ASCII), null, null));
    }

    /** The local store's object of {@code resource}, where the platform's local store keeps it under {@link #dataDir}. */
    private Path objectOf(MediaResource resource) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(file -> file.endsWith(resource.getStorageKey())).findFirst().orElseThrow();
        }
    }

    /**
     * The store stops answering for the object's folder: it is a file now (ENOTDIR), so reading the object and asking
     * whether it exists both fail, as with a store that is away, and unlike a store that answers "no such object".
     */
    private Path storeAway(MediaResource resource) throws IOException {
        Path folder = objectOf(resource).getParent();
        Files.move(folder, folder.resolveSibling(folder.getFileName() + "-away"));
        Files.createFile(folder);
        return folder;
    }

    /** The store answers for the folder {@link #storeAway} took away again, with what it held. */
    private static void storeBack(Path folder) throws IOException {
        Files.delete(folder);
        Files.move(folder.resolveSibling(folder.getFileName() + "-away"), folder);
    }

    private GenerationWorker.Attempt attempted(GenerationItem item) {
        return fixture.call(GenerationWorker.class, worker -> worker.process(fixture.org(), item.getId(), MESSAGE));
    }

    @Test
    void anAttemptWhoseStoreIsAwayIsNotCountedAndTheItemWaitsForTheStore() throws IOException {
        Scripted making = making();
        MediaResource source = storedHorse();
        GenerationItem item = queuedFor(making, source);
        storeAway(source);

        GenerationWorker.Attempt attempt = attempted(item);

        assertThat(attempt.outage()).isEqualTo("storage");
        assertThat(attempt.reason()).startsWith("The storage could not be read");
        assertThat(making.calls()).isZero();
        GenerationItem waiting = fixture.reread(item);
        assertThat(waiting.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(waiting.getClaimedBy()).isEqualTo(MESSAGE);
        assertThat(waiting.getAttempts()).isZero();
        assertThat(waiting.getStage()).isEqualTo("waiting");
        assertThat(waiting.getError()).startsWith("Waiting for the storage to be available again: The storage could not be read");
    }

    @Test
    void anAttemptWhoseSourceTheStoreLostIsCountedAndDeliveredAgainAsTheItemsOwnFailure() throws IOException {
        MediaResource source = storedHorse();
        GenerationItem item = queuedFor(making(), source);
        Files.delete(objectOf(source));

        GenerationWorker.Attempt attempt = attempted(item);

        assertThat(attempt).isEqualTo(GenerationWorker.Attempt.AGAIN);
        GenerationItem retrying = fixture.reread(item);
        assertThat(retrying.getAttempts()).isEqualTo(1);
        assertThat(retrying.getStage()).isEqualTo("retrying");
        assertThat(retrying.getError()).startsWith("The storage no longer has the source image (media " + source.getId() + ")");
    }

    @Test
    void anAttemptAfterTheStoreCameBackMakesTheModelAndCountsOneAttempt() throws IOException {
        MediaResource source = storedHorse();
        GenerationItem item = queuedFor(making(), source);
        Path away = storeAway(source);
        attempted(item);
        storeBack(away);

        GenerationWorker.Attempt attempt = attempted(item);

        assertThat(attempt).isEqualTo(GenerationWorker.Attempt.DONE);
        GenerationItem done = fixture.reread(item);
        assertThat(done.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.getAttempts()).isEqualTo(1);
        assertThat(done.getError()).isNull();
    }

    @Test
    void aStepThatFailedBecauseTheDatabaseWasOutOfReachStoppedTheAttemptByAnOutageOfTheDatabase() {
        // What a step's failure looks like when PostgreSQL is away: the driver's connection exception (SQLState class 08)
        // under the persistence provider's and the container's wrappers.
        EJBException failed = new EJBException("Transaction aborted");
        failed.initCause(new PersistenceException("could not prepare statement", new SQLException("Connection refused", "08001")));

        assertThat(GenerationWorker.outageIn(failed)).contains(GenerationWorker.Attempt.stoppedBy("database", "Connection refused"));
        assertThat(GenerationWorker.outageIn(new PersistenceException("duplicate key", new SQLException("duplicate key", "23505"))))
                .isEmpty();
    }

    @Test
    void aStoreThatRefusesTheConnectionsSettingsIsNoOutageToWaitOut() {
        assertThat(GenerationWorker.outageIn(DomainException.storageUnavailable("S3 write failed (timed out)")))
                .contains(GenerationWorker.Attempt.stoppedBy("storage", "S3 write failed (timed out)"));
        assertThat(GenerationWorker.outageIn(DomainException.storageMisconfigured("S3 write refused (HTTP 403 InvalidAccessKeyId)")))
                .isEmpty();
    }

    @Test
    void aModelHandedOverInASpooledFileIsStoredFromItAndTheSpoolKeepsNothing() throws IOException {
        GenerationItem item = queuedFor(downloading(TestSpools.in(dataDir)), storedHorse());

        delivered(item);

        GenerationItem done = fixture.reread(item);
        assertThat(done.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        MediaResource model = fixture.call(MediaStore.class, store -> store.live(fixture.org(), done.getModelMediaId())).orElseThrow();
        byte[] stored = fixture.call(MediaStore.class, store -> readAll(store, model));
        assertThat(stored).isEqualTo(DOWNLOADED);
        try (Stream<Path> left = Files.list(dataDir.resolve("spool"))) {
            assertThat(left).isEmpty();
        }
    }

    private static byte[] readAll(MediaStore store, MediaResource resource) {
        try {
            return store.readAll(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAttemptStoppedBecauseItsItemIsNoLongerWantedLeavesTheItemToWhoeverSettledIt() throws IOException {
        GenerationItem item = queuedFor(unwanted(), storedHorse());

        boolean acknowledged = delivered(item);

        assertThat(acknowledged).isTrue();
        assertThat(fixture.reread(item).getStatus()).isNotEqualTo(GenerationStatus.FAILED);
        assertThat(fixture.eventTypes(item)).doesNotContain("item_failed");
    }

    /** The item of a queued job of one image, {@code source}, on a server whose one provider is {@code provider}. */
    private GenerationItem queuedFor(ModelProvider provider, MediaResource source) {
        fixture.providers(provider);
        return fixture.queuedJob(provider.name(), source).get(0);
    }

    /** The source image, stored as an upload stores it: bytes in the local store, recorded as the organization's media. */
    private MediaResource storedHorse() throws IOException {
        byte[] bytes;
        try (InputStream in = GenerationWorkerTest.class.getResourceAsStream("/images/horse.png")) {
            bytes = in.readAllBytes();
        }
        return fixture.call(MediaStore.class, store -> store.record(store.stageBytes(fixture.org(), bytes, "image/png", "horse.png", 400, 328)));
    }

    /**
     * One delivery of the item's message as the listener hands it over; true: acknowledged, false: delivered again.
     * What escapes the worker would escape the MDB (the container rolls back, discards the listener, and the broker
     * delivers again): a failure of the test, not an error JUnit would take the test JVM down for (running out of memory).
     */
    private boolean delivered(GenerationItem item) {
        AtomicBoolean acknowledged = new AtomicBoolean();
        Throwable escaped = catchThrowable(() -> acknowledged.set(
                fixture.call(GenerationWorker.class, worker -> worker.process(fixture.org(), item.getId(), MESSAGE).acknowledged())));
        if (escaped != null) {
            throw new AssertionError("The worker let " + escaped + " escape to the listener", escaped);
        }
        return acknowledged.get();
    }

    @Test
    void anItemWhoseModelOverflowsTheStackFailsWithAReasonAndItsMessageIsNotDeliveredAgain() throws IOException {
        Scripted recursing = recursing();
        GenerationItem item = queuedFor(recursing, storedHorse());

        boolean acknowledged = delivered(item);

        assertThat(acknowledged).isTrue();
        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("An internal error (StackOverflowError) stopped the model; it was not tried again."
                + " Retry the item once the cause is fixed");
        assertThat(fixture.jobOf(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(fixture.eventTypes(item)).containsExactly("progress", "item_failed", "completed");
    }

    @Test
    void anItemFailedByAnInternalErrorIsNotMadeAgainWhenItsMessageComesAgain() throws IOException {
        Scripted recursing = recursing();
        GenerationItem item = queuedFor(recursing, storedHorse());
        delivered(item);

        boolean acknowledged = delivered(item);

        assertThat(acknowledged).isTrue();
        assertThat(recursing.calls()).isEqualTo(1);
        assertThat(fixture.reread(item).getAttempts()).isEqualTo(1);
    }

    @Test
    void anAttemptThatRanOutOfMemoryIsDeliveredAgainAndTheItemKeepsTheReason() throws IOException {
        GenerationItem item = queuedFor(heapShort(), storedHorse());

        boolean acknowledged = delivered(item);

        assertThat(acknowledged).isFalse();
        GenerationItem waiting = fixture.reread(item);
        assertThat(waiting.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(waiting.getStage()).isEqualTo("retrying");
        assertThat(waiting.getError()).isEqualTo("The server ran out of memory while making the model");
    }

    @Test
    void anItemWhoseEveryAttemptRanOutOfMemoryFailsWithThatReasonWhenTheBrokerGivesUp() throws IOException {
        GenerationItem item = queuedFor(heapShort(), storedHorse());
        delivered(item);
        delivered(item);

        fixture.run(GenerationSteps.class, steps -> steps.giveUp(fixture.org(), item.getId(), MESSAGE));

        assertThat(fixture.reread(item).getError())
                .isEqualTo("Gave up after 2 attempts; last error: The server ran out of memory while making the model");
    }

    @Test
    void anItemWhoseContainerStepOverflowedTheStackFailsWithAReasonAndItsMessageIsNotDeliveredAgain() throws IOException {
        Scripted broken = stepBrokenBy(new StackOverflowError());
        GenerationItem item = queuedFor(broken, storedHorse());

        boolean acknowledged = delivered(item);
        delivered(item);

        assertThat(acknowledged).isTrue();
        assertThat(broken.calls()).isEqualTo(1);
        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("An internal error (StackOverflowError) stopped the model; it was not tried again."
                + " Retry the item once the cause is fixed");
    }

    @Test
    void anAttemptWhoseContainerStepRanOutOfMemoryIsDeliveredAgainAndTheItemKeepsTheReason() throws IOException {
        GenerationItem item = queuedFor(stepBrokenBy(new OutOfMemoryError("Java heap space")), storedHorse());

        boolean acknowledged = delivered(item);

        assertThat(acknowledged).isFalse();
        assertThat(fixture.reread(item).getError()).isEqualTo("The server ran out of memory while making the model");
    }

    /** What {@link #makingWithPreview} makes. */
    private static final byte[] MODEL = "glTF-a-model-with-its-preview".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREVIEW = "PNG-the-model-seen-from-the-front".getBytes(StandardCharsets.US_ASCII);

    /** A provider that makes a model and its preview of any image. */
    private static Scripted makingWithPreview() {
        return new Scripted("making-with-preview", image -> new ModelResult(MODEL, PREVIEW, "image/png"));
    }

    /**
     * The steps as the worker meets them when the commit of {@code complete} reaches it as a failure: the item is recorded
     * complete for real (committed with this test's one transaction), then comes what Payara's container throws when the
     * connection broke off while the database committed, so that the outcome was lost on the way.
     */
    static class CommittedThenLost extends GenerationSteps {

        @Override
        public void complete(UUID org, UUID itemId, MediaStore.StagedFile model, MediaStore.StagedFile preview) {
            super.complete(org, itemId, model, preview);
            EJBException lost = new EJBException("Unable to complete container-managed transaction.");
            lost.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            throw lost;
        }
    }

    /**
     * The steps as the worker meets them when {@code complete} waited for the item's lock past the database's lock
     * timeout: rolled back before it recorded anything. Thrown rather than provoked: in this test's one transaction a lock
     * timeout would abort what the worker does next.
     */
    static class TimedOutBeforeRecording extends GenerationSteps {

        private List<MediaStore.StagedFile> handed = new ArrayList<>();

        /** Puts what the worker hands to {@code complete} into {@code handed}. */
        TimedOutBeforeRecording handingTo(List<MediaStore.StagedFile> handed) {
            this.handed = handed;
            return this;
        }

        @Override
        public void complete(UUID org, UUID itemId, MediaStore.StagedFile model, MediaStore.StagedFile preview) {
            handed.add(model);
            handed.add(preview);
            EJBException timedOut = new EJBException("Transaction aborted");
            timedOut.initCause(new PersistenceException("could not execute statement",
                    new SQLException("ERROR: canceling statement due to lock timeout", "55P03")));
            throw timedOut;
        }
    }

    @Test
    void aModelWhoseRecordingCommittedBeforeTheWorkerSawItFailIsKeptWithItsPreview() throws IOException {
        GenerationItem item = queuedFor(makingWithPreview(), storedHorse());
        fixture.supplyEach(beans -> beans.with(GenerationSteps.class, beans.get(CommittedThenLost.class)));

        attempted(item);

        GenerationItem done = fixture.reread(item);
        assertThat(done.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(stillStored(done.getModelMediaId())).as("the model's object still stored").isTrue();
        assertThat(stillStored(done.getPreviewMediaId())).as("the preview's object still stored").isTrue();
    }

    @Test
    void aModelWhoseRecordingFailedBeforeItTookThemIsRemovedAtOnceWithItsPreviewAndOwesNothing() throws IOException {
        GenerationItem item = queuedFor(makingWithPreview(), storedHorse());
        List<MediaStore.StagedFile> handed = new ArrayList<>();
        fixture.supplyEach(beans -> beans.with(GenerationSteps.class, beans.get(TimedOutBeforeRecording.class).handingTo(handed)));

        attempted(item);

        assertThat(handed).hasSize(2).doesNotContainNull();
        for (MediaStore.StagedFile staged : handed) {
            assertThat(staged.target().store().stat(staged.key())).as(staged.name()).isEmpty();
            assertThat(owedDeletionsOf(staged)).as(staged.name()).isZero();
        }
    }

    /** Whether the store has the object of the organization's live media {@code id}. */
    private boolean stillStored(UUID id) {
        return fixture.call(MediaStore.class, store -> store.stillStored(store.live(fixture.org(), id).orElseThrow()));
    }

    private static long owedDeletionsOf(MediaStore.StagedFile staged) {
        return Database.result(em -> em.createQuery("SELECT COUNT(d) FROM MediaDeletion d WHERE d.organizationId = :org"
                + " AND d.storageKey = :key", Long.class)
                .setParameter("org", staged.organizationId()).setParameter("key", staged.key()).getSingleResult());
    }

    /** Of the default outage retry. */
    private static final Duration RETRY = Duration.ofSeconds(15);

    @Test
    void anOutageMetAfterTheSourceWasReadIsANewOneWithTheWholePatienceNotTheRestOfAnEarlierOne() throws IOException {
        GenerationItem item = queuedFor(storeGoneWhileMaking(), storedHorse());
        Instant now = Instant.now();

        GenerationWorker.Attempt attempt = attempted(item);

        // The store was away from T to T+9min; the retry at T+9:15 read the source and ran the provider for two minutes.
        assertThat(attempt.outage()).isEqualTo("storage");
        assertThat(GenerationListener.outageBegan(Optional.of(now.minus(Duration.ofMinutes(11))), Optional.of(now.minus(Duration.ofMinutes(2))),
                attempt, now, RETRY)).isEqualTo(now);
    }

    @Test
    void anOutageMetAgainInTheFirstStepsOfTheRetryIsTheOneItsMessageWaitsOut() throws IOException {
        MediaResource source = storedHorse();
        GenerationItem item = queuedFor(making(), source);
        storeAway(source);
        Instant began = Instant.now().minus(Duration.ofMinutes(9));
        Instant now = Instant.now();

        GenerationWorker.Attempt attempt = attempted(item);

        assertThat(GenerationListener.outageBegan(Optional.of(began), Optional.of(now.minus(RETRY)), attempt, now, RETRY)).isEqualTo(began);
    }
}
