package app.arv.persistence.media;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaRepositoryTest extends TwoTenantsTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final MediaRepository media = new MediaRepository();

    private static MediaResource resource(Organization org, String sha) {
        return TestData.resource(org.getId(), sha, 1234, "image/png", "poster.png");
    }

    private MediaResource uploaded(Organization org, String sha) {
        MediaResource resource = resource(org, sha);
        Database.inTransaction(em -> {
            em.persist(resource);
            em.persist(new MediaAttachment(org.getId(), resource.getId(), OwnerKind.UPLOAD, org.getId(), MediaRole.SOURCE_IMAGE));
        });
        return resource;
    }

    @Test
    void theSameBytesCannotBeStoredTwiceLiveInOneOrganization() {
        Database.inTransaction(em -> em.persist(resource(acme, SHA)));

        assertThatThrownBy(() -> Database.inTransaction(em -> {
            em.persist(resource(acme, SHA));
            em.flush();
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void theSameBytesAreStoredSeparatelyForAnotherOrganization() {
        Database.inTransaction(em -> em.persist(resource(acme, SHA)));
        Database.inTransaction(em -> em.persist(resource(globex, SHA)));

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.findLiveBySha256(acme.getId(), SHA)).isPresent();
            assertThat(media.findLiveBySha256(globex.getId(), SHA)).isPresent();
        });
    }

    @Test
    void aDeletedResourceFreesItsHashForANewUpload() {
        MediaResource first = resource(acme, SHA);
        first.markDeleted(Instant.now());
        Database.inTransaction(em -> em.persist(first));

        Database.inTransaction(em -> em.persist(resource(acme, SHA)));

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.findLiveBySha256(acme.getId(), SHA)).map(MediaResource::getId).isNotEqualTo(first.getId());
        });
    }

    @Test
    void anotherOrganizationsResourceIsNotFound() {
        MediaResource mine = uploaded(acme, SHA);

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.findLive(globex.getId(), mine.getId())).isEmpty();
            assertThat(media.findLive(acme.getId(), mine.getId())).isPresent();
        });
    }

    @Test
    void theLibraryListsUploadsButNotThumbnails() {
        MediaResource original = uploaded(acme, SHA);
        MediaResource thumbnail = resource(acme, SHA.replace('9', '1'));
        Database.inTransaction(em -> {
            em.persist(thumbnail);
            em.persist(new MediaAttachment(acme.getId(), thumbnail.getId(), OwnerKind.MEDIA, original.getId(), MediaRole.THUMBNAIL));
        });

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.listUploads(acme.getId(), PageRequest.first()).items()).extracting(i -> i.resource().getId())
                    .containsExactly(original.getId());
            assertThat(media.attachedTo(acme.getId(), OwnerKind.MEDIA, original.getId(), MediaRole.THUMBNAIL))
                    .extracting(MediaResource::getId).containsExactly(thumbnail.getId());
            assertThat(media.listUploads(globex.getId(), PageRequest.first()).total()).isZero();
        });
    }

    @Test
    void thumbnailsOfAPageOfOriginalsComeInOneAnswerSmallestFirstAndOnlyTheOrganizations() {
        MediaResource first = uploaded(acme, SHA);
        MediaResource second = uploaded(acme, SHA.replace('9', '2'));
        MediaResource large = TestData.resource(acme.getId(), SHA.replace('9', '3'), 9000, "image/jpeg", "1024.jpg");
        MediaResource small = TestData.resource(acme.getId(), SHA.replace('9', '4'), 900, "image/jpeg", "256.jpg");
        Database.inTransaction(em -> {
            em.persist(large);
            em.persist(small);
            em.persist(new MediaAttachment(acme.getId(), large.getId(), OwnerKind.MEDIA, first.getId(), MediaRole.THUMBNAIL));
            em.persist(new MediaAttachment(acme.getId(), small.getId(), OwnerKind.MEDIA, first.getId(), MediaRole.THUMBNAIL));
        });

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            Map<UUID, List<MediaResource>> thumbnails = media.thumbnailsOf(acme.getId(), List.of(first.getId(), second.getId()));
            assertThat(thumbnails.get(first.getId())).extracting(MediaResource::getId).containsExactly(small.getId(), large.getId());
            assertThat(thumbnails).doesNotContainKey(second.getId());
            assertThat(media.thumbnailsOf(globex.getId(), List.of(first.getId()))).isEmpty();
            assertThat(media.thumbnailsOf(acme.getId(), List.of())).isEmpty();
        });
    }

    @Test
    void attachingTwiceKeepsOneAttachment() {
        MediaResource resource = uploaded(acme, SHA);

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            media.attach(new MediaAttachment(acme.getId(), resource.getId(), OwnerKind.UPLOAD, acme.getId(), MediaRole.SOURCE_IMAGE));
        });

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.countAttachments(acme.getId(), resource.getId())).isEqualTo(1);
        });
    }

    @Test
    void anOrphanIsAResourceWithoutAttachmentsOlderThanTheCutoff() {
        MediaResource oldOrphan = resource(acme, SHA);
        MediaResource freshOrphan = resource(acme, SHA.replace('9', '2'));
        MediaResource oldAttached = resource(acme, SHA.replace('9', '3'));
        Database.inTransaction(em -> {
            em.persist(oldOrphan);
            em.persist(freshOrphan);
            em.persist(oldAttached);
            em.persist(new MediaAttachment(acme.getId(), oldAttached.getId(), OwnerKind.UPLOAD, acme.getId(), MediaRole.SOURCE_IMAGE));
        });
        Database.inTransaction(em -> {
            for (MediaResource old : List.of(oldOrphan, oldAttached)) {
                em.createNativeQuery("UPDATE media_resource SET created_at = now() - interval '2 days' WHERE id = ?1")
                        .setParameter(1, old.getId()).executeUpdate();
            }
        });

        Database.inTransaction(em -> {
            Repositories.on(em, media);
            assertThat(media.orphansAcrossOrganizations(Instant.now().minus(Duration.ofDays(1)), 10_000))
                    .extracting(MediaResource::getId)
                    .contains(oldOrphan.getId()).doesNotContain(freshOrphan.getId(), oldAttached.getId());
        });
    }

    @Test
    void aSecondTransactionClaimingTheSameBytesWaitsAndThenFindsTheFirstOnesResource() throws Exception {
        String sha = "%064x".formatted(System.nanoTime());
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<Optional<MediaResource>>> second = new AtomicReference<>();
        try {
            Database.inTransaction(em -> {
                Repositories.on(em, media);
                assertThat(media.claimContent(acme.getId(), sha)).isEmpty();
                second.set(secondThread.submit(() -> claimInOwnTransaction(sha, secondStarted)));
                Database.letTheOtherReachTheLock(secondStarted);
                em.persist(resource(acme, sha));
            });

            assertThat(second.get().get(30, TimeUnit.SECONDS)).map(MediaResource::getSha256).contains(sha);
        } finally {
            secondThread.shutdownNow();
        }
    }

    private Optional<MediaResource> claimInOwnTransaction(String sha, CountDownLatch started) {
        MediaRepository other = new MediaRepository();
        AtomicReference<Optional<MediaResource>> seen = new AtomicReference<>();
        started.countDown();
        Database.inTransaction(em -> {
            Repositories.on(em, other);
            seen.set(other.claimContent(acme.getId(), sha));
        });
        return seen.get();
    }
}
