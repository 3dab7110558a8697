package app.arv.generation;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.TestRedis;
import app.arv.generation.fal.FalModelProvider;
import app.arv.generation.fal.FalRules;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaService;
import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import app.arv.media.TestDecodings;
import app.arv.media.TestDecodings.HeldUpload;
import app.arv.media.TestImages;
import app.arv.media.TestSpools;
import app.arv.media.UploadRules;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.project.Project;
import app.arv.persistence.shared.PageRequest;
import app.arv.project.ProjectService;
import app.arv.protection.QuotaRules;
import app.arv.protection.Quotas;
import app.arv.protection.RateLimitRules;
import app.arv.protection.Usage;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.TestStores;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What GenerationService decides about existing jobs (reading, cancelling, refusing a retry), on a
 * real PostgreSQL and Redis without a server. Accepting a job needs the broker and the media layer,
 * and stays with the HTTP tests; refusing one before either is reached does not, nor do the locks an
 * upload holds while its images are stored (with a broker that keeps the messages and the local store).
 */
class GenerationServiceTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @TempDir
    Path dataDir;
    private GenerationFixture fixture;
    private Caller member;

    @BeforeEach
    void anOrganizationAndOneOfItsMembers() {
        fixture = new GenerationFixture(redis);
        member = Callers.memberOf(fixture.org());
    }

    /** Providers and upload rules as a server without a FAL key has them: the local generator only, PNG uploads. */
    private void aServerWithoutAFalKey() {
        fixture.providersOf(GenerationFixture.NO_FAL_KEY);
        fixture.supply(UploadRules.class, new UploadRules(10_485_760, 25, 50_000_000, 0, List.of("image/png")));
    }

    /** The service's refusal (what the web layer turns into a problem response). */
    private static DomainException refusal(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    @Test
    void cancellingStopsTheUnfinishedItemsAndKeepsTheFinishedOnes() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(0).getId(), "broken"));

        JobDetails cancelled = fixture.call(GenerationService.class, service -> service.cancel(member, items.get(0).getJobId()));

        assertThat(cancelled.job().getStatus()).isEqualTo(GenerationStatus.CANCELLED);
        assertThat(fixture.reread(items.get(0)).getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(fixture.reread(items.get(1)).getStatus()).isEqualTo(GenerationStatus.CANCELLED);
    }

    @Test
    void cancellingAnnouncesTheJobsEndWithItsCounts() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);

        fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId()));

        List<StoredEvent> events = fixture.events(item);
        assertThat(events).extracting(StoredEvent::type).containsExactly("completed");
        assertThat(events.get(0).data()).isEqualTo("{\"status\":\"cancelled\",\"completed\":0,\"failed\":0}");
    }

    @Test
    void aFinishedJobIsNotCancelled() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId())));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("job_finished");
    }

    @Test
    void anotherOrganizationsJobIsNotFound() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        Caller stranger = Callers.memberOf(UUID.randomUUID());

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.get(stranger, item.getJobId())));

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void onlyAFailedItemIsRetried() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId())));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("item_not_failed");
    }

    @Test
    void anItemWhoseSourceIsGoneIsNotRetried() {
        MediaResource source = fixture.image();
        GenerationItem item = fixture.queuedJob(source, fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));
        Database.inTransaction(em -> em.find(MediaResource.class, source.getId()).markDeleted(Instant.now()));

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId())));

        assertThat(refused.code()).isEqualTo("source_deleted");
    }

    @Test
    void jobsAreListedByTheStatusAsked() {
        GenerationItem failed = fixture.queuedJob(fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), failed.getId(), "broken"));
        GenerationItem queued = fixture.queuedJob(fixture.image()).get(0);

        var listed = fixture.call(GenerationService.class, service -> service.list(member, "failed", new PageRequest(10, 0)));

        assertThat(listed.items()).extracting(job -> job.getId()).containsExactly(failed.getJobId()).doesNotContain(queued.getJobId());
    }

    @Test
    void falIsRefusedAsAnUnknownProviderOnAServerWithoutAFalKey() {
        aServerWithoutAFalKey();
        MediaResource image = fixture.image();

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.submitMedia(member,
                List.of(image.getId()), new NewGeneration(null, null, FalModelProvider.NAME, null, null))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unknown_provider");
        assertThat(refused.getMessage()).isEqualTo("provider must be one of [local], not fal");
    }

    @Test
    void anUnknownStatusFilterIsRefusedAsAnInvalidFilter() {
        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.list(member, "done", new PageRequest(10, 0))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("invalid_filter");
    }

    @Test
    void aJobSubmittedWhileItsProjectIsBeingDeletedFindsNoProject() {
        aServerWithoutAFalKey();
        MediaResource image = fixture.image();
        Project doomed = new Project(fixture.org(), "Doomed", null);
        Database.persist(doomed);

        Future<?> submission = Database.whileTheFirstIsOpen(
                em -> new ServiceBeans(em).with(MetricRegistry.class, new CountedMetrics().registry()).get(ProjectService.class)
                        .delete(member, doomed.getId()),
                () -> fixture.call(GenerationService.class, service -> service.submitMedia(member, List.of(image.getId()),
                        new NewGeneration(null, null, LocalModelProvider.NAME, null, doomed.getId()))));

        assertThat(catchThrowable(() -> submission.get(30, TimeUnit.SECONDS))).as("how the submission ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    /**
     * What accepting uploaded images needs besides a server without a FAL key: the upload spool and the platform's local
     * store in the test's directory, the default quotas, a broker that answers and keeps the messages, and the container's parts these
     * services use (the session context, whose business object is the call's own bean; the executor the broker check runs on).
     */
    private void aServerAcceptingUploads(ImageDecoding decoding) {
        aServerWithoutAFalKey();
        TestStores stores = new TestStores(dataDir);
        fixture.supply(ImageDecoding.class, decoding);
        fixture.supply(Spool.class, TestSpools.in(dataDir));
        fixture.supply(ConnectionFactory.class, new RecordingBroker().connections());
        fixture.supply(Duration.class, Duration.ofSeconds(2));
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, false, 100));
        fixture.supply(RateLimitRules.class, new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000));
        fixture.supply(ManagedExecutorService.class, container(ManagedExecutorService.class, (method, args) -> {
            ((Runnable) args[0]).run();
            return null;
        }));
        fixture.supplyEach(beans -> beans.with(ObjectStores.class, stores.beans(beans.get(EntityManager.class)).get(ObjectStores.class)));
        fixture.supplyEach(beans -> beans.with(SessionContext.class,
                container(SessionContext.class, (method, args) -> beans.get((Class<?>) args[0]))));
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    /** A part of the container that these services call one method of. */
    private static <T> T container(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(GenerationServiceTest.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    @Test
    void aJobWhoseImagesAreStillBeingStoredHoldsUpNoOtherJobOfItsOrganization() throws Exception {
        ImageDecoding oneDecodeAtATime = TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30));
        aServerAcceptingUploads(oneDecodeAtATime);
        User person = new User(fixture.org(), "ann-" + UUID.randomUUID() + "@acme.example", "hash", Role.MEMBER);
        Database.persist(person);
        Caller ann = new Caller(person.getId(), null, fixture.org(), person.getEmail(), Set.of(CallerRole.MEMBER));
        SpooledFile image = TestImages.spooled("horse.png", dataDir);
        ExecutorService otherJob = Executors.newSingleThreadExecutor();
        // The upload's images wait for a decode slot, as behind a slow store: the job is being accepted meanwhile.
        try (HeldUpload<JobDetails> upload = TestDecodings.heldWaitingForASlot(oneDecodeAtATime,
                () -> fixture.call(GenerationService.class, service -> service.submitUploads(ann, List.of(image),
                        new NewGeneration(null, null, LocalModelProvider.NAME, null, null))))) {

            Future<?> other = otherJob.submit(() -> fixture.run(Quotas.class, quotas -> quotas.admitGenerations(fixture.org(), 1, false)));

            assertThat(catchThrowable(() -> other.get(5, TimeUnit.SECONDS))).as("how the other job's admission ended").isNull();
            assertThat(upload.released().items()).hasSize(1);
        } finally {
            otherJob.shutdown();
        }
    }

    /** A member with a user row (a job records who made it), on a server accepting uploads. */
    private Caller aMemberUploading() {
        aServerAcceptingUploads(TestDecodings.of(50_000_000, 2, Duration.ofSeconds(30)));
        User person = new User(fixture.org(), "bob-" + UUID.randomUUID() + "@acme.example", "hash", Role.MEMBER);
        Database.persist(person);
        return new Caller(person.getId(), null, fixture.org(), person.getEmail(), Set.of(CallerRole.MEMBER));
    }

    private JobDetails uploadedJob(Caller caller, String image) throws IOException {
        SpooledFile file = TestImages.spooled(image, dataDir);
        return fixture.call(GenerationService.class, service -> service.submitUploads(caller, List.of(file),
                new NewGeneration(null, null, LocalModelProvider.NAME, null, null)));
    }

    private MediaResource inTheLibrary(Caller caller, String image) throws IOException {
        SpooledFile file = TestImages.spooled(image, dataDir);
        return fixture.call(MediaService.class, service -> service.upload(caller, List.of(file))).get(0);
    }

    /** The job stopped and then deleted, as an admin's clean-up (or the retention timer) deletes finished jobs. */
    private void deleted(Caller caller, JobDetails job) {
        fixture.call(GenerationService.class, service -> service.cancel(caller, job.job().getId()));
        fixture.call(GenerationAdmin.class, admin -> admin.cleanup(caller, 0));
    }

    private boolean live(UUID media) {
        return fixture.call(MediaRepository.class, repository -> repository.findLive(fixture.org(), media)).isPresent();
    }

    private long libraryTotal(Caller caller) {
        return fixture.call(MediaService.class, service -> service.list(caller, new PageRequest(10, 0))).total();
    }

    @Test
    void anImageUploadedForAJobIsNotListedInTheLibrary() throws IOException {
        Caller bob = aMemberUploading();

        JobDetails job = uploadedJob(bob, "horse.png");

        assertThat(libraryTotal(bob)).isZero();
        assertThat(live(job.items().get(0).getSourceMediaId())).isTrue();
    }

    @Test
    void deletingAJobDeletesTheImagesUploadedForIt() throws IOException {
        Caller bob = aMemberUploading();
        JobDetails job = uploadedJob(bob, "horse.png");

        deleted(bob, job);

        assertThat(live(job.items().get(0).getSourceMediaId())).isFalse();
    }

    @Test
    void deletingAJobKeepsTheLibraryImageItWasMadeFrom() throws IOException {
        Caller bob = aMemberUploading();
        MediaResource horse = inTheLibrary(bob, "horse.png");
        JobDetails job = fixture.call(GenerationService.class, service -> service.submitMedia(bob, List.of(horse.getId()),
                new NewGeneration(null, null, LocalModelProvider.NAME, null, null)));

        deleted(bob, job);

        assertThat(live(horse.getId())).isTrue();
        assertThat(libraryTotal(bob)).isEqualTo(1);
    }

    @Test
    void deletingAJobKeepsTheLibraryImageWhoseBytesWereUploadedForIt() throws IOException {
        Caller bob = aMemberUploading();
        MediaResource horse = inTheLibrary(bob, "horse.png");
        JobDetails job = uploadedJob(bob, "horse.png");
        assertThat(job.items().get(0).getSourceMediaId()).as("the same bytes, stored once").isEqualTo(horse.getId());

        deleted(bob, job);

        assertThat(live(horse.getId())).isTrue();
        assertThat(libraryTotal(bob)).isEqualTo(1);
    }

    /** A member uploading on a server with a FAL key, whose organization may use FAL (100 items a month). */
    private Caller aMemberOfAnOrganizationUsingFal() {
        Caller member = aMemberUploading();
        FalRules keyed = new FalRules("https://queue.fal.run", Optional.of("key"), Duration.ofSeconds(10), Duration.ofSeconds(60),
                209_715_200, Duration.ofSeconds(2), Duration.ofMinutes(10));
        fixture.providersOf(keyed);
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, true, 100));
        return member;
    }

    private JobDetails aFalJob(Caller caller, String... images) throws IOException {
        List<UUID> sources = new ArrayList<>();
        for (String image : images) {
            sources.add(inTheLibrary(caller, image).getId());
        }
        return fixture.call(GenerationService.class, service -> service.submitMedia(caller, sources,
                new NewGeneration(null, null, FalModelProvider.NAME, null, null)));
    }

    private Usage usage() {
        return fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org()));
    }

    @Test
    void cancellingAFalJobGivesBackTheAllowanceOfItemsNoWorkerHadTaken() throws IOException {
        Caller bob = aMemberOfAnOrganizationUsingFal();
        JobDetails job = aFalJob(bob, "horse.png", "chelsea.png");

        fixture.call(GenerationService.class, service -> service.cancel(bob, job.job().getId()));

        assertThat(usage().falItems()).as("fal items this month").isZero();
        assertThat(usage().generationItems()).as("generations this month").isZero();
    }

    @Test
    void cancellingAFalJobKeepsCountedAnItemAWorkerHadSubmittedToFal() throws IOException {
        Caller bob = aMemberOfAnOrganizationUsingFal();
        JobDetails job = aFalJob(bob, "horse.png", "chelsea.png");
        UUID submitted = job.items().get(0).getId();
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), submitted, UUID.randomUUID()));
        fixture.run(GenerationSteps.class, steps -> steps.recordProviderRequest(fixture.org(), submitted, "{\"request_id\":\"r-1\"}"));

        fixture.call(GenerationService.class, service -> service.cancel(bob, job.job().getId()));

        assertThat(usage().falItems()).as("fal items this month").isEqualTo(1);
        assertThat(usage().generationItems()).as("generations this month").isEqualTo(1);
    }

    @Test
    void cancellingALocalJobGivesBackTheCountOfAnItemAWorkerHadTaken() {
        aServerAcceptingUploads(TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30)));
        GenerationItem item = fixture.countedJob(LocalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), UUID.randomUUID()));

        fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId()));

        assertThat(usage().generationItems()).as("generations this month").isZero();
    }

    /** A server that queues messages (the default quotas: 1000 generations, no fal) and a failed item of a job for that provider. */
    private GenerationItem aFailedItem(String provider) {
        aServerAcceptingUploads(TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30)));
        GenerationItem item = fixture.queuedJob(provider, fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));
        return item;
    }

    @Test
    void aRetriedItemCountsAgainstTheMonthsGenerationsLikeANewOne() {
        GenerationItem item = aFailedItem(LocalModelProvider.NAME);

        fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId()));

        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isEqualTo(1);
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.QUEUED);
    }

    @Test
    void aRetryPastTheMonthsGenerationQuotaIsRefusedAndTheItemStaysFailed() {
        GenerationItem item = aFailedItem(LocalModelProvider.NAME);
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1, false, 100));
        fixture.run(Quotas.class, quotas -> quotas.admitGenerations(fixture.org(), 1, false));

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId())));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("quota_exceeded");
        assertThat(refused.getMessage()).contains("quota of 1 a month");
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isEqualTo(1);
    }

    @Test
    void aRetryOfAFalItemIsRefusedOnceTheOrganizationMayNoLongerUseFal() {
        GenerationItem item = aFailedItem(FalModelProvider.NAME);

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId())));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("not_granted");
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void aRetryOfAFalItemPastTheMonthsFalBudgetIsRefused() {
        GenerationItem item = aFailedItem(FalModelProvider.NAME);
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, true, 1));
        fixture.run(Quotas.class, quotas -> quotas.admitGenerations(fixture.org(), 1, true));

        DomainException refused = refusal(() -> fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId())));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("quota_exceeded");
        assertThat(refused.getMessage()).contains("budget of 1 a month");
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void aRetriedItemsJobStreamNoLongerEndsOnTheJobsCompletedEvent() {
        GenerationItem item = aFailedItem(LocalModelProvider.NAME);

        fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId()));

        List<StoredEvent> events = fixture.events(item);
        assertThat(events).extracting(StoredEvent::type).containsExactly("item_failed", "completed", "progress");
        assertThat(events.get(2).data()).isEqualTo("{\"item\":\"" + item.getId() + "\",\"position\":0,\"percent\":0,\"stage\":\"queued\"}");
    }

    @Test
    void aRetriedItemThatFailsAgainIsToldAgainAndSoIsItsJobsEnd() {
        GenerationItem item = aFailedItem(LocalModelProvider.NAME);
        fixture.call(GenerationService.class, service -> service.retry(member, item.getJobId(), item.getId()));

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken again"));

        List<StoredEvent> events = fixture.events(item);
        assertThat(events).extracting(StoredEvent::type).containsExactly("item_failed", "completed", "progress", "item_failed", "completed");
        assertThat(events.get(3).data()).contains("broken again");
    }
}
