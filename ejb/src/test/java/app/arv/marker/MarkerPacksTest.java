package app.arv.marker;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindFormatException;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.media.MediaStore;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import app.arv.storage.TestStores;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A project's marker pack, on real PostgreSQL and the platform's local store without a server: the compiled targets
 * of its ready portraits in the order the contents were created, merged as stored; one pack a project, the latest; a
 * pack that no longer matches its contents is refused and its file goes.
 */
class MarkerPacksTest {

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Organization acme;
    private Project wedding;
    private Caller member;

    @BeforeEach
    void anOrganizationWithAProject() {
        stores = new TestStores(dataDir);
        acme = TestData.organization("Acme");
        wedding = new Project(acme.getId(), "Wedding", null);
        Database.persist(wedding);
        member = Callers.memberOf(acme.getId());
    }

    @Test
    void aPackHoldsTheProjectsReadyMarkersInTheOrderTheirContentsWereCreated() {
        ArContent anna = readyContent(wedding, "Anna", 300);
        ArContent boris = readyContent(wedding, "Boris", 400);
        Database.persist(new ArContent(acme.getId(), wedding.getId(), "Vera, still compiling", portrait().getId()));
        readyContent(otherProject(), "Gleb, of another project", 500);

        MarkerPacks.Pack pack = build(member, wedding.getId());

        assertThat(pack.contents()).extracting(ArContent::getId).containsExactly(anna.getId(), boris.getId());
        assertThat(targetWidths(pack.mind())).containsExactly(300, 400);
        assertThat(packsOf(wedding)).extracting(MediaResource::getId).containsExactly(pack.mind().getId());
    }

    @Test
    void aNewPackTakesThePlaceOfTheProjectsEarlierOneWhichIsRetired() {
        readyContent(wedding, "Anna", 300);
        MarkerPacks.Pack earlier = build(member, wedding.getId());
        readyContent(wedding, "Boris", 400);

        MarkerPacks.Pack latest = build(member, wedding.getId());

        assertThat(targetWidths(latest.mind())).containsExactly(300, 400);
        assertThat(packsOf(wedding)).extracting(MediaResource::getId).containsExactly(latest.mind().getId());
        assertThat(Database.result(em -> em.find(MediaResource.class, earlier.mind().getId())).isDeleted())
                .as("the earlier pack retired").isTrue();
        boolean stillStored = stores.inTransaction(beans -> beans.get(MediaStore.class).stillStored(earlier.mind()));
        assertThat(stillStored).as("the earlier pack's object still stored").isFalse();
    }

    @Test
    void aProjectWithoutAReadyMarkerIsRefusedAndGetsNoPack() {
        Database.persist(new ArContent(acme.getId(), wedding.getId(), "Anna, still compiling", portrait().getId()));

        DomainException refused = refusal(() -> build(member, wedding.getId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("no_ready_markers");
        assertThat(packsOf(wedding)).isEmpty();
    }

    @Test
    void aContentWhoseMarkerWasRetiredMeanwhileIsLeftOutOfThePack() {
        ArContent anna = readyContent(wedding, "Anna", 300);
        ArContent boris = readyContent(wedding, "Boris", 400);
        retire(anna.getMarkerMediaId());

        MarkerPacks.Pack pack = build(member, wedding.getId());

        assertThat(pack.contents()).extracting(ArContent::getId).containsExactly(boris.getId());
        assertThat(targetWidths(pack.mind())).containsExactly(400);
    }

    @Test
    void aProjectWhoseOnlyReadyMarkerWasRetiredMeanwhileIsRefusedAsOneWithoutReadyMarkers() {
        ArContent anna = readyContent(wedding, "Anna", 300);
        retire(anna.getMarkerMediaId());

        DomainException refused = refusal(() -> build(member, wedding.getId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("no_ready_markers");
    }

    @Test
    void aPackWrittenWhileOneOfItsContentsGotANewPortraitIsRefusedAndItsFileGoes() {
        ArContent anna = readyContent(wedding, "Anna", 300);
        MediaStore.StagedFile written = stores.inTransaction(beans -> beans.get(MediaStore.class).stageBytes(acme.getId(),
                mind(300), MarkerPacks.MIND_TYPE, "project.mind", null, null));
        UUID newPortrait = portrait().getId();
        Database.inTransaction(em -> em.find(ArContent.class, anna.getId()).replaceSource(newPortrait));

        DomainException refused = refusal(() -> stores.inTransaction(beans -> beans.get(MarkerPacks.class)
                .record(acme.getId(), wedding.getId(), written, List.of(anna))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("marker_pack_outdated");
        assertThat(written.target().store().stat(written.key())).as("the written pack's object").isEmpty();
        assertThat(packsOf(wedding)).isEmpty();
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        readyContent(wedding, "Anna", 300);
        Caller stranger = Callers.memberOf(TestData.organization("Globex").getId());

        DomainException refused = refusal(() -> build(stranger, wedding.getId()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(packsOf(wedding)).isEmpty();
    }

    private static DomainException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    private MarkerPacks.Pack build(Caller caller, UUID projectId) {
        // Metrics: the earlier pack's object deletion, attempted once the new pack is recorded, counts.
        return stores.inTransaction(beans -> beans.with(MetricRegistry.class, new CountedMetrics().registry()).get(MarkerPacks.class)
                .build(caller, projectId));
    }

    /** A content of the project whose marker, a one-target {@code .mind} of that width, is stored and ready. */
    private ArContent readyContent(Project project, String title, int width) {
        MediaResource marker = stores.inTransaction(beans -> {
            MediaStore files = beans.get(MediaStore.class);
            return files.record(files.stageBytes(acme.getId(), mind(width), MarkerPacks.MIND_TYPE, title + ".mind", null, null));
        });
        ArContent content = new ArContent(acme.getId(), project.getId(), title, portrait().getId());
        content.markerReady(marker.getId(), width, 200, 80, "good", null);
        Database.persist(content);
        return content;
    }

    /**
     * A {@code .mind} of one target told apart by its width. Without tracking images or keyframes: what the pack does
     * with a target does not depend on them (merging is the imaging module's, tested there on compiled targets).
     */
    private static byte[] mind(int width) {
        return new MindWriter().write(new MindFile(List.of(new MindTarget(width, 200, List.of(), List.of()))));
    }

    private MediaResource portrait() {
        MediaResource portrait = TestData.resource(acme.getId(), "image/jpeg", "portrait.jpg");
        Database.persist(portrait);
        return portrait;
    }

    private Project otherProject() {
        Project project = new Project(acme.getId(), "Birthday", null);
        Database.persist(project);
        return project;
    }

    private List<Integer> targetWidths(MediaResource pack) {
        byte[] bytes = stores.inTransaction(beans -> {
            try {
                return beans.get(MediaStore.class).readAll(pack);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return new MindReader().read(bytes).targets().stream().map(MindTarget::width).toList();
        } catch (MindFormatException e) {
            throw new AssertionError("the pack is not a .mind file", e);
        }
    }

    private List<MediaResource> packsOf(Project project) {
        return Database.result(em -> new ServiceBeans(em).get(MediaRepository.class).attachedTo(acme.getId(), OwnerKind.PROJECT, project.getId(),
                MediaRole.MIND_TARGET));
    }

    private static void retire(UUID resource) {
        Database.inTransaction(em -> em.find(MediaResource.class, resource).markDeleted(Instant.now()));
    }
}
