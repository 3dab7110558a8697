package app.arv.marker;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.imaging.input.MediaSniffer;
import app.arv.media.ImageDecoding;
import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import app.arv.media.TestDecodings;
import app.arv.media.TestDecodings.HeldUpload;
import app.arv.media.TestImages;
import app.arv.media.TestSpools;
import app.arv.media.UploadRules;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.OverlayKind;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationQuotaRepository;
import app.arv.persistence.project.Project;
import app.arv.project.ProjectService;
import app.arv.protection.QuotaRules;
import app.arv.protection.RateLimitRules;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import app.arv.storage.TestStores;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The AR content rules the service holds, on real PostgreSQL and without a server. */
class ArContentServiceTest {

    @TempDir
    Path dataDir;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Organization acme;
    private Caller member;
    private ArContent content;
    private MediaResource model;
    private MediaResource photo;

    @BeforeEach
    void anOrganizationWithAContentAndTwoLibraryFiles() {
        acme = TestData.organization("Acme");
        Project wedding = new Project(acme.getId(), "Wedding", null);
        MediaResource portrait = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        model = TestData.resource(acme.getId(), "model/gltf-binary", "ring.glb");
        photo = TestData.resource(acme.getId(), "image/png", "ring.png");
        content = new ArContent(acme.getId(), wedding.getId(), "Anna", portrait.getId());
        content.describeOrder("A-1", "Anna", "anna@example.com", null);
        content.schedule(NOW, NOW.plus(7, ChronoUnit.DAYS), null);
        Database.persist(wedding, portrait, model, photo, content);
        member = Callers.memberOf(acme.getId());
    }

    private static <T> T service(Function<ArContentService, T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(new ServiceBeans(em).get(ArContentService.class))));
        return result.get();
    }

    private static ContentChange schedule(Instant from, Instant until) {
        return new ContentChange(new ContentDetails(null, null, null, null, null, from, until, null, null),
                Set.of(ContentChange.Field.ACTIVE_FROM, ContentChange.Field.ACTIVE_UNTIL));
    }

    private static ContentChange retitled(String title) {
        return new ContentChange(new ContentDetails(title, null, null, null, null, null, null, null, null), Set.of(ContentChange.Field.TITLE));
    }

    private static boolean anyRevision(ArContent current) {
        return true;
    }

    @Test
    void anActivePeriodEndingBeforeItStartsIsRefusedAndNothingChanges() {
        assertThatThrownBy(
                () -> service(s -> s.change(member, content.getId(), schedule(NOW.plus(2, ChronoUnit.DAYS), NOW), ArContentServiceTest::anyRevision)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_schedule");
                });

        ArContent unchanged = service(s -> s.get(member, content.getId()));
        assertThat(unchanged.getActiveFrom()).isEqualTo(NOW);
        assertThat(unchanged.getActiveUntil()).isEqualTo(NOW.plus(7, ChronoUnit.DAYS));
    }

    @Test
    void aNewStartAfterTheKeptEndIsRefused() {
        assertThatThrownBy(() -> service(s -> s.change(member, content.getId(),
                new ContentChange(new ContentDetails(null, null, null, null, null, NOW.plus(8, ChronoUnit.DAYS), null, null, null),
                        Set.of(ContentChange.Field.ACTIVE_FROM)),
                ArContentServiceTest::anyRevision)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_schedule"));
    }

    @Test
    void aChangeLeavesWhatItDoesNotName() {
        service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), ArContentServiceTest::anyRevision));

        ArContent changed = service(s -> s.get(member, content.getId()));
        assertThat(changed.getTitle()).isEqualTo("Anna & Ben");
        assertThat(changed.getOrderNumber()).isEqualTo("A-1");
        assertThat(changed.getCustomerEmail()).isEqualTo("anna@example.com");
        assertThat(changed.getActiveFrom()).isEqualTo(NOW);
        assertThat(changed.isPublished()).isTrue();
    }

    @Test
    void aFieldNamedWithoutAValueIsCleared() {
        service(s -> s.change(member, content.getId(), new ContentChange(new ContentDetails(null, null, null, null, null, null,
                null, null, null), Set.of(ContentChange.Field.ORDER_NUMBER, ContentChange.Field.ACTIVE_UNTIL)),
                ArContentServiceTest::anyRevision));

        ArContent changed = service(s -> s.get(member, content.getId()));
        assertThat(changed.getOrderNumber()).isNull();
        assertThat(changed.getActiveUntil()).isNull();
        assertThat(changed.getActiveFrom()).isEqualTo(NOW);
        assertThat(changed.getCustomerEmail()).isEqualTo("anna@example.com");
    }

    @Test
    void theTitleCannotBeRemoved() {
        assertThatThrownBy(() -> service(s -> s.change(member, content.getId(), retitled(null), ArContentServiceTest::anyRevision)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("required_field");
                });

        assertThat(service(s -> s.get(member, content.getId())).getTitle()).isEqualTo("Anna");
    }

    @Test
    void aChangeMadeFromAnOlderReadingIsRefusedAndNothingChanges() {
        String read = service(s -> s.get(member, content.getId())).revision();
        service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), c -> c.sameDetails(read)));

        assertThatThrownBy(() -> service(s -> s.change(member, content.getId(), retitled("Anna & Carl"), c -> c.sameDetails(read))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.code()).isEqualTo("precondition_failed");
                });

        assertThat(service(s -> s.get(member, content.getId())).getTitle()).isEqualTo("Anna & Ben");
    }

    @Test
    void aChangeFromAReadingTakenBeforeTheMarkerCompiledIsMade() {
        String read = service(s -> s.get(member, content.getId())).revision();
        Database.inTransaction(em -> em.find(ArContent.class, content.getId())
                .markerReady(photo.getId(), 640, 480, 80, "good", "{}"));

        ArContent changed = service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), c -> c.sameDetails(read)));

        assertThat(changed.getTitle()).isEqualTo("Anna & Ben");
        assertThat(changed.revision()).isNotEqualTo(read);
    }

    @Test
    void aChangeFromAReadingTakenBeforeAnOverlayWasAttachedIsRefused() {
        String read = service(s -> s.get(member, content.getId())).revision();
        service(s -> s.attachModelFromMedia(member, content.getId(), model.getId()));

        assertThatThrownBy(() -> service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), c -> c.sameDetails(read))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(412));
    }

    @Test
    void theRevisionAnsweredByAChangeIsTheOneReadAfterwards() {
        String answered = service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), ArContentServiceTest::anyRevision))
                .revision();

        assertThat(service(s -> s.get(member, content.getId())).revision()).isEqualTo(answered).isNotEqualTo(content.revision());
    }

    @Test
    void anotherOrganizationsContentIsNotFound() {
        Caller stranger = Callers.memberOf(UUID.randomUUID());

        assertThatThrownBy(() -> service(s -> s.get(stranger, content.getId())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aModelOfTheLibraryBecomesTheActiveOverlayAndIsListed() {
        service(s -> s.attachModelFromMedia(member, content.getId(), model.getId()));

        ArContent withOverlay = service(s -> s.get(member, content.getId()));
        assertThat(withOverlay.getOverlayMediaId()).isEqualTo(model.getId());
        assertThat(withOverlay.getOverlayKind()).isEqualTo(OverlayKind.GLB);
        List<MediaResource> overlays = service(s -> s.overlays(member, content.getId()));
        assertThat(overlays).extracting(MediaResource::getId).containsExactly(model.getId());
    }

    @Test
    void anImageIsRefusedAsAModelOverlay() {
        assertThatThrownBy(() -> service(s -> s.attachModelFromMedia(member, content.getId(), photo.getId())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("unsupported_overlay_type"));
    }

    @Test
    void aMarkerStillWaitingToCompileCannotBeRegenerated() {
        assertThatThrownBy(() -> service(s -> s.regenerate(member, content.getId())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("marker_in_progress");
                });
    }

    @Test
    void contentCreatedWhileItsProjectIsBeingDeletedFindsNoProject() {
        Project empty = new Project(acme.getId(), "Empty", null);
        Database.persist(empty);
        ContentDetails details = new ContentDetails("Ring", null, null, null, null, null, null, null, null);

        Future<?> creation = Database.whileTheFirstIsOpen(
                em -> new ServiceBeans(em).with(MetricRegistry.class, new CountedMetrics().registry()).get(ProjectService.class)
                        .delete(member, empty.getId()),
                () -> service(s -> s.createFromMedia(member, empty.getId(), photo.getId(), details)));

        assertThat(catchThrowable(() -> creation.get(30, TimeUnit.SECONDS))).as("how the creation ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aChangeRacingTheDeletionOfItsContentFindsNothing() {
        Future<?> change = Database.whileTheFirstIsOpen(em -> new ServiceBeans(em).get(ArContentService.class).delete(member, content.getId()),
                () -> service(s -> s.change(member, content.getId(), retitled("Anna & Ben"), ArContentServiceTest::anyRevision)));

        assertThat(catchThrowable(() -> change.get(30, TimeUnit.SECONDS))).as("how the change ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deletingAContentReleasesTheMarkerPacksOfItsProject() {
        MediaResource pack = TestData.resource(acme.getId(), MarkerPacks.MIND_TYPE, "project.mind");
        Database.persist(pack, new MediaAttachment(acme.getId(), pack.getId(), OwnerKind.PROJECT, content.getProjectId(),
                MediaRole.MIND_TARGET));

        Database.inTransaction(em -> new ServiceBeans(em).with(AfterCommit.class, new AfterCommit() {
            @Override
            public void run(Runnable work) {
                // Deleting the stored objects is the storage's; what counts here is that the pack is retired.
            }
        }).get(ArContentService.class).delete(member, content.getId()));

        Database.inTransaction(em -> assertThat(em.find(MediaResource.class, pack.getId()).isDeleted()).as("the pack retired").isTrue());
    }

    /**
     * What storing an uploaded portrait needs: the upload spool and the platform's local store in the test's directory,
     * PNG uploads, the default quotas, a broker that answers and keeps the compile requests, and the container's parts
     * these services use (the session context, whose business object is the call's own bean; the executor the broker
     * check runs on). What is announced after the commit is the HTTP tests' to check.
     */
    private <T> T uploading(ImageDecoding decoding, Function<ArContentService, T> call) {
        TestStores stores = new TestStores(dataDir);
        RecordingCompileBroker broker = new RecordingCompileBroker();
        return stores.inTransaction(beans -> call.apply(beans.with(MetricRegistry.class, new CountedMetrics().registry())
                .with(ImageDecoding.class, decoding).with(Spool.class, TestSpools.in(dataDir))
                .with(UploadRules.class, new UploadRules(10_485_760, 25, 50_000_000, 0, List.of("image/png")))
                .with(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, false, 100))
                .with(RateLimitRules.class, new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000))
                .with(ConnectionFactory.class, broker.connections()).with(Duration.class, Duration.ofSeconds(2))
                .with(ManagedExecutorService.class, container(ManagedExecutorService.class, args -> {
                    ((Runnable) args[0]).run();
                    return null;
                }))
                .with(SessionContext.class, container(SessionContext.class, args -> beans.get((Class<?>) args[0])))
                .with(AfterCommit.class, new AfterCommit() {
                    @Override
                    public void run(Runnable work) {
                    }
                }).get(ArContentService.class)));
    }

    /** A part of the container that these services call one method of. */
    private static <T> T container(Class<T> type, Function<Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(ArContentServiceTest.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.apply(args)));
    }

    @Test
    void aPortraitStillBeingStoredHoldsUpNoChangeOfItsProject() throws Exception {
        User person = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", "hash", Role.MEMBER);
        Database.persist(person);
        Caller ann = new Caller(person.getId(), null, acme.getId(), person.getEmail(), Set.of(CallerRole.MEMBER));
        UUID project = content.getProjectId();
        SpooledFile image = TestImages.spooled("horse.png", dataDir);
        ImageDecoding oneDecodeAtATime = TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30));
        // One content created beforehand, so that the racing one reaches its project quickly.
        SpooledFile first = TestImages.spooled("chelsea.png", dataDir);
        uploading(oneDecodeAtATime, s -> s.create(ann, project, first, new ContentDetails("Chelsea", null, null, null, null, null, null, null, null)));
        ExecutorService renamer = Executors.newSingleThreadExecutor();
        // The portrait waits for a decode slot, as behind a slow store: the content is being created meanwhile.
        try (HeldUpload<ArContent> upload = TestDecodings.heldWaitingForASlot(oneDecodeAtATime, () -> uploading(oneDecodeAtATime,
                s -> s.create(ann, project, image, new ContentDetails("Ben", null, null, null, null, null, null, null, null))))) {

            Future<?> rename = renamer.submit(() -> Database.inTransaction(em -> new ServiceBeans(em)
                    .with(MetricRegistry.class, new CountedMetrics().registry()).get(ProjectService.class).change(member, project, "Wedding 2027", null)));

            assertThat(catchThrowable(() -> rename.get(5, TimeUnit.SECONDS))).as("how the project's rename ended").isNull();
            assertThat(upload.released().getProjectId()).isEqualTo(project);
        } finally {
            renamer.shutdown();
        }
    }

    @Test
    void anOverlayIsWrittenToTheStoreWithoutWaitingForTheOrganizationsStorageLock() throws Exception {
        byte[] glb = new byte[64 * 1024];
        System.arraycopy(new byte[]{'g', 'l', 'T', 'F', 2, 0, 0, 0}, 0, glb, 0, 8);
        glb[100] = (byte) UUID.randomUUID().hashCode();
        Path incoming = Files.createDirectories(dataDir.resolve("incoming"));
        Path file = Files.write(incoming.resolve("ring.glb"), glb);
        byte[] head = new byte[MediaSniffer.HEAD_BYTES];
        System.arraycopy(glb, 0, head, 0, head.length);
        SpooledFile overlay = new SpooledFile("ring.glb", file, glb.length, Sha256.hex(glb), head, head.length);
        ExecutorService attacher = Executors.newSingleThreadExecutor();
        AtomicReference<Future<ArContent>> attaching = new AtomicReference<>();
        AtomicReference<Boolean> writtenMeanwhile = new AtomicReference<>();
        try {
            // Another upload of the organization is being recorded: it holds the storage lock until it commits.
            Database.inTransaction(em -> {
                new ServiceBeans(em).get(OrganizationQuotaRepository.class).lockStoredBytes(acme.getId());
                attaching.set(attacher.submit(() -> uploading(TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30)),
                        s -> s.attachOverlay(member, content.getId(), overlay))));
                sleep(Duration.ofSeconds(2));
                writtenMeanwhile.set(stored(glb, incoming));
            });
        } finally {
            attacher.shutdown();
        }

        assertThat(writtenMeanwhile.get()).as("the overlay in the store while the lock was held").isTrue();
        assertThat(attaching.get().get(30, TimeUnit.SECONDS).getOverlayMediaId()).isNotNull();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a file with these bytes is in the test's directory, outside {@code except}. */
    private boolean stored(byte[] bytes, Path except) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(except)).anyMatch(f -> {
                try {
                    return Files.size(f) == bytes.length && Arrays.equals(Files.readAllBytes(f), bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
