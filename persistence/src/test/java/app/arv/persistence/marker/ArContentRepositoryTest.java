package app.arv.persistence.marker;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.project.Project;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import app.arv.persistence.shared.SearchText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ArContentRepositoryTest extends TwoTenantsTest {

    private final ArContentRepository contents = new ArContentRepository();
    private Project acmeProject;
    private Project globexProject;
    private MediaResource acmeImage;
    private MediaResource globexImage;

    @BeforeEach
    void aProjectAndAPortraitEach() {
        acmeProject = new Project(acme.getId(), "Wedding", null);
        globexProject = new Project(globex.getId(), "Wedding", null);
        acmeImage = TestData.resource(acme.getId(), "image/jpeg", "portrait.jpg");
        globexImage = TestData.resource(globex.getId(), "image/jpeg", "portrait.jpg");
        Database.persist(acmeProject, globexProject, acmeImage, globexImage);
    }

    @Test
    void aMarkerResultRecordedByATransactionThatLoadedTheContentEarlierKeepsAnOverlayAttachedMeanwhile() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        MediaResource video = TestData.resource(acme.getId(), "video/mp4", "clip.mp4");
        MediaResource mind = TestData.resource(acme.getId(), "application/octet-stream", "marker.mind");
        Database.persist(content, video, mind);

        Database.inTransaction(job -> {
            // The compile job's chunk: the content is loaded when the chunk begins ...
            ArContent compiling = job.find(ArContent.class, content.getId());
            // ... a person attaches an overlay while the marker compiles ...
            Database.inTransaction(person -> person.find(ArContent.class, content.getId()).attachOverlay(video.getId(), OverlayKind.VIDEO));
            // ... and the chunk records the result and commits.
            compiling.markerReady(mind.getId(), 640, 480, 80, "good", "{}");
        });

        Database.inTransaction(em -> {
            ArContent stored = em.find(ArContent.class, content.getId());
            assertThat(stored.getMarkerStatus()).isEqualTo(MarkerStatus.READY);
            assertThat(stored.getOverlayMediaId()).isEqualTo(video.getId());
            assertThat(stored.getOverlayKind()).isEqualTo(OverlayKind.VIDEO);
        });
    }

    @Test
    void aProjectsContentIsFoundByPartOfItsTitleAndByMarkerStatusOnlyInTheOrganization() {
        ArContent anna = new ArContent(acme.getId(), acmeProject.getId(), "Anna's 50% portrait", acmeImage.getId());
        ArContent boris = new ArContent(acme.getId(), acmeProject.getId(), "Boris", acmeImage.getId());
        ArContent hanna = new ArContent(acme.getId(), acmeProject.getId(), "HANNA", acmeImage.getId());
        hanna.markerFailed("no features", 0, "unusable", null);
        Database.persist(anna, boris, hanna);

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.list(acme.getId(), acmeProject.getId(), SearchText.of("anna"), null, PageRequest.first()).items())
                    .extracting(ArContent::getTitle).containsExactly("Anna's 50% portrait", "HANNA");
            assertThat(contents.list(acme.getId(), acmeProject.getId(), SearchText.of("anna"), MarkerStatus.PENDING,
                    PageRequest.first()).total()).isEqualTo(1);
            assertThat(contents.list(acme.getId(), acmeProject.getId(), SearchText.of("0%"), null, PageRequest.first()).items())
                    .extracting(ArContent::getTitle).containsExactly("Anna's 50% portrait");
            assertThat(contents.list(acme.getId(), acmeProject.getId(), SearchText.of("_"), null, PageRequest.first()).total())
                    .isZero();
            assertThat(contents.list(globex.getId(), acmeProject.getId(), SearchText.of("anna"), null, PageRequest.first()).total())
                    .isZero();
        });
    }

    @Test
    void newContentIsPendingPublishedAndHasA22CharacterBase62PublicId() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            ArContent stored = contents.findByUniqueId(content.getUniqueId()).orElseThrow();
            assertThat(stored.getMarkerStatus()).isEqualTo(MarkerStatus.PENDING);
            assertThat(stored.isPublished()).isTrue();
            assertThat(stored.getUniqueId()).matches("[0-9A-Za-z]{22}");
        });
    }

    @Test
    void anotherOrganizationsContentIsNotFoundById() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.find(globex.getId(), content.getId())).isEmpty();
            assertThat(contents.find(acme.getId(), content.getId())).isPresent();
        });
    }

    @Test
    void aJobClaimsOnlyItsOrganizationsPendingItemsAndOnlyOnce() {
        ArContent mine = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        ArContent theirs = new ArContent(globex.getId(), globexProject.getId(), "Ben", globexImage.getId());
        Database.persist(mine, theirs);

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.claimPending(acme.getId(), 7L, 7L)).isEqualTo(1);
            assertThat(contents.claimPending(acme.getId(), 8L, 8L)).isZero();
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.claimedBy(acme.getId(), 7L)).containsExactly(mine.getId());
            assertThat(contents.stillCompiling(acme.getId(), 7L, List.of(mine.getId(), theirs.getId())))
                    .extracting(ArContent::getId).containsExactly(mine.getId());
            assertThat(contents.find(globex.getId(), theirs.getId()).orElseThrow().getMarkerStatus()).isEqualTo(MarkerStatus.PENDING);
        });
    }

    @Test
    void aFinishedItemIsNoLongerReadAsCompiling() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);
        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.claimPending(acme.getId(), 9L, 9L);
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.find(acme.getId(), content.getId()).orElseThrow().markerFailed("unusable target", 0, "unusable", "{}");
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.stillCompiling(acme.getId(), 9L, List.of(content.getId()))).isEmpty();
            ArContent failed = contents.find(acme.getId(), content.getId()).orElseThrow();
            assertThat(failed.getMarkerStatus()).isEqualTo(MarkerStatus.FAILED);
            assertThat(failed.getMarkerCompilations()).isEqualTo(1);
        });
    }

    @Test
    void anItemIsAJobsToCompileOnlyWhileThatJobHoldsItsClaim() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.claimPending(acme.getId(), 21L, 21L);
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            ArContent claimed = contents.find(acme.getId(), content.getId()).orElseThrow();
            assertThat(claimed.isCompilingFor(21L)).isTrue();
            assertThat(claimed.isCompilingFor(22L)).isFalse();
            claimed.replaceSource(acmeImage.getId());
            assertThat(claimed.isCompilingFor(21L)).isFalse();
        });
    }

    @Test
    void contentShowsOnlyWhilePublishedScheduledAndUnexpired() {
        Instant now = Instant.now();
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());

        content.schedule(now.plus(1, ChronoUnit.DAYS), null, null);
        assertThat(content.isShowingAt(now)).isFalse();
        content.schedule(null, null, now.minusSeconds(1));
        assertThat(content.isShowingAt(now)).isFalse();
        assertThat(content.isExpiredAt(now)).isTrue();
        content.schedule(null, null, null);
        content.publish(false);
        assertThat(content.isShowingAt(now)).isFalse();
        content.publish(true);
        assertThat(content.isShowingAt(now)).isTrue();
    }

    @Test
    void onlyAJobsUnfinishedItemsCountAsCompiling() {
        ArContent finished = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        ArContent unfinished = new ArContent(acme.getId(), acmeProject.getId(), "Ben", acmeImage.getId());
        Database.persist(finished, unfinished);
        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.claimPending(acme.getId(), 11L, 11L);
            contents.find(acme.getId(), finished.getId()).orElseThrow().markerReady(acmeImage.getId(), 640, 480, 80, "good", "{}");
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.countCompiling(11L)).isEqualTo(1);
            assertThat(contents.countCompiling(12L)).isZero();
        });
    }

    @Test
    void aLongPendingItemIsTakenForAResendOnceThoughTwoRoundsAskAtOnce() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);
        Database.inTransaction(em -> em.createNativeQuery("UPDATE ar_content SET marker_requested_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minus(1, ChronoUnit.HOURS)).setParameter(2, content.getId()).executeUpdate());
        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES);
        List<List<UUID>> taken = new ArrayList<>();

        for (int round = 0; round < 2; round++) {
            Database.inTransaction(em -> {
                Repositories.on(em, contents);
                taken.add(contents.takeLongPending(due));
            });
        }

        assertThat(taken.get(0)).contains(acme.getId());
        assertThat(taken.get(1)).doesNotContain(acme.getId());
    }

    @Test
    void aJobWithItemsCompilingIsFoundWithTheExecutionThatClaimedThemUntilTheyAreFinished() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);
        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.claimPending(acme.getId(), 31L, 310L);
        });
        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.compilingJobs()).contains(new CompilingJob(31L, 310L));
            contents.find(acme.getId(), content.getId()).orElseThrow().markerReady(acmeImage.getId(), 640, 480, 80, "good", "{}");
        });

        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            assertThat(contents.compilingJobs()).extracting(CompilingJob::instance).doesNotContain(31L);
        });
    }

    /** The revision is an HTTP ETag, so ASCII: an Arabic default locale would write its digits as ٠٠٠٠٠٥. */
    @Test
    void aContentsRevisionIsWrittenInAsciiDigitsWhateverTheServersLocale() {
        ArContent content = new ArContent(acme.getId(), acmeProject.getId(), "Anna", acmeImage.getId());
        Database.persist(content);
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ar-SA"));
        try {
            assertThat(content.revision()).matches("[0-9]+-[0-9]+\\.[0-9]{6}");
        } finally {
            Locale.setDefault(before);
        }
    }
}
