package app.arv.storage;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.media.LifecycleRules;
import app.arv.media.MediaDeletions;
import app.arv.media.MediaDisposal;
import app.arv.media.MediaStore;
import app.arv.outbound.OutboundPolicy;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.ConnectionHolders;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageProvider;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An organization's storage connections as its admins manage them, on real PostgreSQL and without a server: settings
 * the S3 client would refuse are refused when saved, and a connection saved before that is unavailable, no server
 * error; two changes at once to the names or the default are refused or applied one after the other; an endpoint
 * that answers without end (an endless object, an always truncated listing) is bounded; a connection is not moved or
 * deleted under a file written through it and not recorded yet, nor while an object deletion through it is owed, but
 * is once its files are deleted and their objects gone.
 */
class StorageConnectionServiceTest {

    private static final LifecycleRules RULES = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofHours(1));

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Organization acme;
    private Caller admin;

    @BeforeEach
    void anOrganizationWithAnAdmin() {
        stores = new TestStores(dataDir);
        acme = TestData.organization("Acme");
        admin = new Caller(UUID.randomUUID(), null, acme.getId(), "admin@acme.example", Set.of(CallerRole.ORG_ADMIN));
    }

    @Test
    void anEndpointWithAPathIsRefusedNamingTheEndpoint() {
        assertRefused(service -> service.create(admin, s3("with a path", "http://127.0.0.1:9/media", "eu-west-1", "arv-media")),
                "storage_endpoint_invalid");
    }

    @Test
    void aRegionTheS3ClientCannotSignForIsRefusedNamingTheRegion() {
        assertRefused(service -> service.create(admin, s3("odd region", "http://127.0.0.1:9", "eu.west.1", "arv-media")),
                "storage_region_invalid");
    }

    @Test
    void aBucketNameWithSuccessiveDotsIsRefused() {
        assertRefused(service -> service.create(admin, s3("dots", "http://127.0.0.1:9", "eu-west-1", "media..2024")),
                "storage_bucket_invalid");
    }

    @Test
    void aBucketNameShapedLikeAnIpAddressIsRefused() {
        assertRefused(service -> service.create(admin, s3("ip", "http://127.0.0.1:9", "eu-west-1", "192.168.10.1")),
                "storage_bucket_invalid");
    }

    @Test
    void aHostTheOperatorAllowsForItselfIsNoStorageEndpointForAnOrganization() {
        stores = new TestStores(dataDir, new OutboundPolicy("127.0.0.1:9", "", "", InetAddress::getAllByName));

        assertRefused(service -> service.create(admin, s3("internal", "http://127.0.0.1:9", "eu-west-1", "arv-media")),
                "endpoint_not_allowed");
    }

    @Test
    void aHostTheStorageListAllowsIsAStorageEndpoint() {
        stores = new TestStores(dataDir, new OutboundPolicy("", "", "127.0.0.1:9", InetAddress::getAllByName));

        assertThat(call(service -> service.create(admin, s3("internal", "http://127.0.0.1:9", "eu-west-1", "arv-media")))
                .getEndpoint()).isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void aChangeToAnEndpointWithAPathIsRefused() {
        StorageConnection bucket = call(service -> service.create(admin, s3("media", "http://127.0.0.1:9", "eu-west-1", "arv-media")));

        assertRefused(service -> service.change(admin, bucket.getId(), change("http://127.0.0.1:9/media", null, null)),
                "storage_endpoint_invalid");
    }

    @Test
    void aChangeToARegionTheS3ClientCannotSignForIsRefused() {
        StorageConnection bucket = call(service -> service.create(admin, s3("media", "http://127.0.0.1:9", "eu-west-1", "arv-media")));

        assertRefused(service -> service.change(admin, bucket.getId(), change(null, "eu west 1", null)), "storage_region_invalid");
    }

    @Test
    void aConnectionSavedWithAnEndpointTheS3ClientRefusesIsMisconfiguredWhenUsed() {
        StorageConnection legacy = saved("http://127.0.0.1:9/media", "arv-media");

        assertRefused(service -> service.stats(admin, legacy.getId()), "storage_misconfigured");
        assertRefused(service -> service.test(admin, legacy.getId()), "storage_misconfigured");
    }

    @Test
    void aConnectionSavedWithABucketTheS3ClientRefusesIsMisconfiguredWhenUsed() {
        StorageConnection legacy = saved("http://127.0.0.1:9", "media..2024");

        assertRefused(service -> service.stats(admin, legacy.getId()), "storage_misconfigured");
    }

    @Test
    void aProbeReadBackThatNeverEndsFailsItsReadStepAtOnce() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_BODY)) {
            StorageConnection endless = call(service -> service.create(admin, s3("endless", store.endpoint(), "us-east-1", "arv-media")));

            ProbeReport report = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> call(service -> service.test(admin, endless.getId())));

            assertThat(report.ok()).isFalse();
            assertThat(report.steps()).extracting(ProbeReport.Step::name, ProbeReport.Step::ok)
                    .containsExactly(tuple("write", true), tuple("read", false));
        }
    }

    @Test
    void aListingThatIsAlwaysTruncatedEndsAsUnavailableAfterItsPages() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_LISTING)) {
            StorageConnection endless = call(service -> service.create(admin, s3("endless", store.endpoint(), "us-east-1", "arv-media")));

            assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertRefused(service -> service.stats(admin, endless.getId()), "storage_unavailable"));

            assertThat(store.pagesListed()).isEqualTo(S3ObjectStore.ListingBounds.DEFAULT.maxPages());
        }
    }

    @Test
    void aConnectionAFileIsStagedThroughIsInUseWhileTheFileAwaitsItsRecording() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        MediaStore.StagedFile staged = stage();

        assertRefused(service -> {
            service.delete(admin, media.getId());
            return null;
        }, "storage_connection_in_use");
        assertRefused(service -> service.change(admin, media.getId(), moveTo("elsewhere")), "storage_connection_in_use");
        assertThat(staged.target().store().stat(staged.key())).as("the staged object").isPresent();
    }

    @Test
    void aConnectionMovedWhileAFileIsRecordedThroughItIsRefusedAsInUse() throws Exception {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        MediaStore.StagedFile staged = stage();

        Future<?> move = whileTheFirstIsOpen(beans -> beans.get(MediaStore.class).record(staged),
                () -> call(service -> service.change(admin, media.getId(), moveTo("elsewhere"))));

        Throwable refusal = catchThrowable(() -> move.get(30, TimeUnit.SECONDS));
        assertThat(refusal).as("how the move ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("storage_connection_in_use"));
        assertThat(call(service -> service.get(admin, media.getId())).getDirectory()).isEqualTo(media.getDirectory());
        assertThat(mediaRecorded()).isOne();
    }

    @Test
    void aConnectionDeletedWhileAFileIsRecordedThroughItIsRefusedAsInUse() throws Exception {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        MediaStore.StagedFile staged = stage();

        Future<?> deletion = whileTheFirstIsOpen(beans -> beans.get(MediaStore.class).record(staged),
                () -> stores.inTransaction(beans -> {
                    connections(beans).delete(admin, media.getId());
                    return null;
                }));

        Throwable refusal = catchThrowable(() -> deletion.get(30, TimeUnit.SECONDS));
        assertThat(refusal).as("how the deletion ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("storage_connection_in_use"));
        assertThat(mediaRecorded()).isOne();
    }

    @Test
    void aConnectionWhoseMediaWasDeletedAndWhoseObjectDeletionIsDoneCanBeDeleted() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        MediaResource file = recorded(stage());
        List<UUID> owed = retire(file);
        assertThat(deleteObjects(owed)).containsOnly(MediaDeletions.Outcome.DELETED);

        stores.inTransaction(beans -> {
            connections(beans).delete(admin, media.getId());
            return null;
        });

        List<StorageConnection> left = call(service -> service.list(admin));
        assertThat(left).isEmpty();
        assertThat(mediaRecorded()).as("the deleted file's row").isZero();
    }

    @Test
    void aConnectionWithAnObjectDeletionStillOwedIsInUse() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        retire(recorded(stage()));

        assertRefused(service -> {
            service.delete(admin, media.getId());
            return null;
        }, "storage_connection_in_use");
        assertRefused(service -> service.change(admin, media.getId(), moveTo("elsewhere")), "storage_connection_in_use");
    }

    @Test
    void aConnectionHeldOnlyByAStagedFilesOwedDeletionIsRefusedNamingThatDeletionAndWhenItIsDue() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        stage();
        Instant due = owedDeletionDue();

        StorageConnectionInUse refusal = refusedDeletion(media);

        assertThat(refusal.holders()).isEqualTo(new ConnectionHolders(0, 0, 1, due, 0, 0, null));
        assertThat(refusal.getMessage()).contains("1 file written through it awaits its deletion (1 staged and never recorded;"
                + " due from " + toTheSecondUp(due)).contains("POST /admin/storage/orphan-scan")
                .contains("GET /admin/storage/deletions").doesNotContain("stored through it");
    }

    @Test
    void aConnectionHeldByLiveMediaIsRefusedNamingTheMedia() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        recorded(stage());

        StorageConnectionInUse refusal = refusedDeletion(media);

        assertThat(refusal.holders()).isEqualTo(new ConnectionHolders(1, 0, 0, null, 0, 0, null));
        assertThat(refusal.getMessage()).contains("1 file is stored through it").doesNotContain("deletion");
    }

    @Test
    void aRefusalCountsNothingOfAnotherOrganization() {
        StorageConnection media = call(service -> service.create(admin, local("media", true)));
        recorded(stage());
        Organization other = TestData.organization("Other");
        Database.persist(MediaDeletion.unlessRecorded(other.getId(), media.getId(), "other/" + UUID.randomUUID(), Instant.now(),
                Duration.ofHours(24)));

        StorageConnectionInUse refusal = refusedDeletion(media);

        assertThat(refusal.holders()).isEqualTo(new ConnectionHolders(1, 0, 0, null, 0, 0, null));
        assertThat(refusal.getMessage()).doesNotContain("deletion");
    }

    private StorageConnectionInUse refusedDeletion(StorageConnection connection) {
        Throwable refusal = catchThrowable(() -> stores.inTransaction(beans -> {
            connections(beans).delete(admin, connection.getId());
            return null;
        }));
        assertThat(refusal).isInstanceOf(StorageConnectionInUse.class);
        return (StorageConnectionInUse) refusal;
    }

    /** When the organization's one owed deletion is due, as stored. */
    private Instant owedDeletionDue() {
        return stores.inTransaction(beans -> beans.get(EntityManager.class)
                .createQuery("SELECT d.nextAttemptAt FROM MediaDeletion d WHERE d.organizationId = :org", Instant.class)
                .setParameter("org", acme.getId()).getSingleResult());
    }

    private static Instant toTheSecondUp(Instant at) {
        Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(at) ? whole : whole.plusSeconds(1);
    }

    private MediaResource recorded(MediaStore.StagedFile staged) {
        return stores.inTransaction(beans -> beans.get(MediaStore.class).record(staged));
    }

    /** Retires the unused file as deleting it does: the row a tombstone, its object deletion owed. */
    private List<UUID> retire(MediaResource file) {
        return stores.inTransaction(beans -> beans.get(MediaDisposal.class)
                .retireIfUnused(beans.get(EntityManager.class).find(MediaResource.class, file.getId()), Instant.now()));
    }

    /** One attempt at each owed object deletion, each in its own transaction as the deletion timer makes it. */
    private List<MediaDeletions.Outcome> deleteObjects(List<UUID> owed) {
        return owed.stream().map(id -> stores.inTransaction(beans -> beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(LifecycleRules.class, RULES).get(MediaDeletions.class).attempt(id))).toList();
    }

    /** A file written to the organization's default store and not recorded yet, as a worker leaves it. */
    private MediaStore.StagedFile stage() {
        byte[] bytes = ("a model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return stores.inTransaction(beans -> beans.get(MediaStore.class).stageBytes(acme.getId(), bytes, "model/gltf-binary",
                "anna.glb", null, null));
    }

    private long mediaRecorded() {
        return stores.inTransaction(beans -> beans.get(EntityManager.class)
                .createQuery("SELECT COUNT(m) FROM MediaResource m WHERE m.organizationId = :org", Long.class)
                .setParameter("org", acme.getId()).getSingleResult());
    }

    @Test
    void ofTwoConnectionsMadeTheDefaultAtOnceTheLaterOneIsTheDefault() throws Exception {
        StorageConnection first = call(service -> service.create(admin, local("first", false)));
        StorageConnection second = call(service -> service.create(admin, local("second", false)));

        Future<?> later = whileTheFirstIsOpen(beans -> connections(beans).change(admin, first.getId(), makeDefault()),
                () -> call(service -> service.change(admin, second.getId(), makeDefault())));

        later.get(30, TimeUnit.SECONDS);
        List<StorageConnection> connections = call(service -> service.list(admin));
        assertThat(connections.stream().filter(StorageConnection::isDefaultConnection).map(StorageConnection::getId))
                .containsExactly(second.getId());
    }

    @Test
    void ofTwoConnectionsCreatedAtOnceWithOneNameTheSecondIsRefusedAsTaken() throws Exception {
        Future<?> second = whileTheFirstIsOpen(beans -> connections(beans).create(admin, local("media", true)),
                () -> call(service -> service.create(admin, local("media", true))));

        Throwable refusal = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));

        assertThat(refusal).as("how the second creation ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("storage_connection_name_taken"));
        List<StorageConnection> connections = call(service -> service.list(admin));
        assertThat(connections).hasSize(1);
    }

    /** Runs {@code first} in a transaction that stays open until {@code second}, on another thread, has reached its locks. */
    private Future<?> whileTheFirstIsOpen(Consumer<ServiceBeans> first, Runnable second) {
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> started = new AtomicReference<>();
        try {
            stores.inTransaction(beans -> {
                first.accept(beans);
                started.set(secondThread.submit(() -> {
                    secondStarted.countDown();
                    second.run();
                }));
                Database.letTheOtherReachTheLock(secondStarted);
                return null;
            });
            return started.get();
        } finally {
            secondThread.shutdown();
        }
    }

    /** As it was saved before the settings were checked on saving. */
    private StorageConnection saved(String endpoint, String bucket) {
        StorageConnection legacy = stores.s3(acme.getId(), "legacy " + UUID.randomUUID(), endpoint, bucket, "key", "secret");
        Database.persist(legacy);
        return legacy;
    }

    private static StorageConnectionSpec s3(String name, String endpoint, String region, String bucket) {
        return new StorageConnectionSpec(name, StorageProvider.S3, false, null, endpoint, region, bucket, "key", "secret", null);
    }

    private static StorageConnectionSpec local(String name, boolean isDefault) {
        return new StorageConnectionSpec(name, StorageProvider.LOCAL, isDefault, "dir-" + UUID.randomUUID(), null, null, null, null,
                null, null);
    }

    private static StorageConnectionSpec moveTo(String directory) {
        return new StorageConnectionSpec(null, null, null, directory + "-" + UUID.randomUUID(), null, null, null, null, null, null);
    }

    private static StorageConnectionSpec makeDefault() {
        return new StorageConnectionSpec(null, null, true, null, null, null, null, null, null, null);
    }

    private static StorageConnectionSpec change(String endpoint, String region, String bucket) {
        return new StorageConnectionSpec(null, null, null, null, endpoint, region, bucket, null, null, null);
    }

    private void assertRefused(Function<StorageConnectionService, ?> call, String code) {
        assertThatThrownBy(() -> call(call)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private <T> T call(Function<StorageConnectionService, T> call) {
        return stores.inTransaction(beans -> call.apply(connections(beans)));
    }

    private static StorageConnectionService connections(ServiceBeans beans) {
        return beans.get(StorageConnectionService.class);
    }
}
