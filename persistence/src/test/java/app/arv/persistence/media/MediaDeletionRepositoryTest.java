package app.arv.persistence.media;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import app.arv.persistence.storage.StorageConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MediaDeletionRepositoryTest extends TwoTenantsTest {

    private final MediaDeletionRepository deletions = new MediaDeletionRepository();
    private final MediaRepository media = new MediaRepository();
    private MediaResource retired;

    @BeforeEach
    void aRetiredResource() {
        retired = TestData.resource(acme.getId(), "image/png", "a.png");
        retired.markDeleted(Instant.now());
        Database.persist(retired);
    }

    @Test
    void aFailedDeletionIsDueAgainOnlyAfterItsBackoff() {
        MediaDeletion deletion = new MediaDeletion(retired, Instant.now());
        deletion.failed("connection refused", Instant.now().plus(Duration.ofMinutes(5)));
        Database.persist(deletion);

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.dueAcrossOrganizations(Instant.now(), 1000)).doesNotContain(deletion.getId());
            assertThat(deletions.dueAcrossOrganizations(Instant.now().plus(Duration.ofMinutes(6)), 1000)).contains(deletion.getId());
        });
    }

    /**
     * By its next attempt alone, as every deletion is found due — also by a node of the release before staged objects
     * were owed deletions, during a rolling upgrade, which would otherwise delete an object its recording still needs.
     */
    @Test
    void aStagedObjectsDeletionIsDueOnlyOnceTheGraceForItsRecordingIsOver() {
        Instant stagedAt = Instant.now();
        MediaDeletion staged = MediaDeletion.unlessRecorded(acme.getId(), null, "media/ab/staged-" + UUID.randomUUID(), stagedAt,
                Duration.ofHours(24));
        Database.persist(staged);

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.dueAcrossOrganizations(stagedAt.plus(Duration.ofHours(23)), 1000)).doesNotContain(staged.getId());
            assertThat(deletions.lockDueAcrossOrganizations(staged.getId(), stagedAt.plus(Duration.ofHours(23)))).isEmpty();
            assertThat(deletions.dueAcrossOrganizations(stagedAt.plus(Duration.ofHours(25)), 1000)).contains(staged.getId());
        });
    }

    @Test
    void onlyTheOrganizationsStagedObjectsStillOwedADeletionAreUnrecorded() {
        String key = "media/ab/staged-" + UUID.randomUUID();
        String globexKey = "media/ab/theirs-" + UUID.randomUUID();
        Database.persist(MediaDeletion.unlessRecorded(acme.getId(), null, key, Instant.now(), Duration.ofHours(24)),
                MediaDeletion.unlessRecorded(globex.getId(), null, globexKey, Instant.now(), Duration.ofHours(24)),
                new MediaDeletion(retired, Instant.now()));

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.lockStaged(acme.getId(), List.of(key, globexKey, "media/ab/recorded-" + UUID.randomUUID(),
                    retired.getStorageKey()))).containsExactly(key);
        });
    }

    @Test
    void aParkedDeletionIsADeadLetterOfItsOrganizationOnly() {
        MediaDeletion deletion = new MediaDeletion(retired, Instant.now());
        deletion.failed("access denied", Instant.now());
        Database.persist(deletion);

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            deletions.park(deletions.lockDueAcrossOrganizations(deletion.getId(), Instant.now()).orElseThrow(), Instant.now(), Instant.now());
        });

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.deadLetters(acme.getId(), PageRequest.first()).items()).extracting(MediaDeletionDeadLetter::getLastError)
                    .containsExactly("access denied");
            assertThat(deletions.deadLetters(globex.getId(), PageRequest.first()).items()).isEmpty();
            assertThat(deletions.countPending(acme.getId())).isZero();
        });
    }

    @Test
    void deadLettersComeAPageAtATimeTheMostRecentlyParkedFirst() {
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        List<UUID> parkedMondayTuesdayWednesday = List.of(parked(monday), parked(monday.plus(Duration.ofDays(1))),
                parked(monday.plus(Duration.ofDays(2))));

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            Page<MediaDeletionDeadLetter> first = deletions.deadLetters(acme.getId(), new PageRequest(2, 0));
            Page<MediaDeletionDeadLetter> second = deletions.deadLetters(acme.getId(), new PageRequest(2, 2));

            assertThat(first.items()).extracting(MediaDeletionDeadLetter::getId)
                    .containsExactly(parkedMondayTuesdayWednesday.get(2), parkedMondayTuesdayWednesday.get(1));
            assertThat(second.items()).extracting(MediaDeletionDeadLetter::getId).containsExactly(parkedMondayTuesdayWednesday.get(0));
            assertThat(first.total()).isEqualTo(3);
            assertThat(deletions.deadLetters(null, new PageRequest(100, 0)).items()).extracting(MediaDeletionDeadLetter::getId)
                    .as("every organization's, for a platform admin").containsAll(parkedMondayTuesdayWednesday);
        });
    }

    @Test
    void aRetiredResourceWhoseDeletionIsDoneIsPurged() {
        MediaDeletion deletion = new MediaDeletion(retired, Instant.now());
        Database.persist(deletion);

        AtomicBoolean purged = new AtomicBoolean();
        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            Repositories.on(em, media);
            deletions.done(deletions.lockDueAcrossOrganizations(deletion.getId(), Instant.now()).orElseThrow());
            purged.set(media.purgeRetired(retired.getId()));
        });

        assertThat(purged).isTrue();
        Database.inTransaction(em -> assertThat(em.find(MediaResource.class, retired.getId())).isNull());
    }

    @Test
    void aRetiredResourceSomethingStillReferencesIsKeptButLetsGoOfItsConnection() {
        StorageConnection disk = StorageConnection.local(acme.getId(), "disk", "acme-" + UUID.randomUUID(), null);
        UUID id = UUID.randomUUID();
        MediaResource referenced = new MediaResource(id, acme.getId(), TestData.randomSha256(), 1000, "image/png", "anna.png", 640,
                480, disk.getId(), "orgs/" + acme.getId() + "/media/" + id);
        referenced.markDeleted(Instant.now());
        Database.persist(disk, referenced,
                new MediaAttachment(acme.getId(), referenced.getId(), OwnerKind.AR_CONTENT, UUID.randomUUID(), MediaRole.SOURCE_IMAGE));

        AtomicBoolean purged = new AtomicBoolean(true);
        Database.inTransaction(em -> {
            Repositories.on(em, media);
            purged.set(media.purgeRetired(referenced.getId()));
        });

        assertThat(purged).isFalse();
        Database.inTransaction(em -> assertThat(em.find(MediaResource.class, referenced.getId()).getStorageConnectionId()).isNull());
    }

    @Test
    void aLiveResourceIsNotPurged() {
        MediaResource live = TestData.resource(acme.getId(), "image/png", "b.png");
        Database.persist(live);

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            media.purgeRetired(live.getId());
        });

        Database.inTransaction(em -> assertThat(em.find(MediaResource.class, live.getId())).isNotNull());
    }

    private UUID parked(Instant at) {
        MediaDeletion deletion = new MediaDeletion(retired, at);
        Database.persist(deletion);
        UUID[] letter = new UUID[1];
        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            letter[0] = deletions.park(em.find(MediaDeletion.class, deletion.getId()), at, at.plus(Duration.ofHours(1))).getId();
        });
        return letter[0];
    }
}
