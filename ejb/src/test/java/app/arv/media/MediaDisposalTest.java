package app.arv.media;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.organization.Organization;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** When a resource is retired and what goes with it, on real PostgreSQL and without a server. */
class MediaDisposalTest {

    private Organization acme;
    private MediaResource original;
    private MediaResource thumbnail;

    @BeforeEach
    void anOriginalWithItsThumbnail() {
        acme = TestData.organization("Acme");
        original = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        thumbnail = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        Database.persist(original, thumbnail, new MediaAttachment(acme.getId(), thumbnail.getId(), OwnerKind.MEDIA, original.getId(), MediaRole.THUMBNAIL));
    }

    private static List<UUID> retire(MediaResource resource) {
        AtomicReference<List<UUID>> owed = new AtomicReference<>();
        Database.inTransaction(em -> owed.set(new ServiceBeans(em).get(MediaDisposal.class)
                .retireIfUnused(em.find(MediaResource.class, resource.getId()), Instant.now())));
        return owed.get();
    }

    private static MediaResource reread(MediaResource resource) {
        AtomicReference<MediaResource> found = new AtomicReference<>();
        Database.inTransaction(em -> found.set(em.find(MediaResource.class, resource.getId())));
        return found.get();
    }

    @Test
    void anUnusedOriginalIsRetiredWithItsThumbnailAndEachObjectIsOwedADeletion() {
        List<UUID> owed = retire(original);

        assertThat(owed).hasSize(2);
        assertThat(reread(original).isDeleted()).isTrue();
        assertThat(reread(thumbnail).isDeleted()).isTrue();
        Database.inTransaction(em -> assertThat(owed.stream().map(id -> em.find(MediaDeletion.class, id).getResourceId()))
                .containsExactlyInAnyOrder(original.getId(), thumbnail.getId()));
    }

    @Test
    void aResourceSomeoneStillHoldsIsNotRetired() {
        Database.inTransaction(em -> em.persist(new MediaAttachment(acme.getId(), original.getId(), OwnerKind.UPLOAD,
                acme.getId(), MediaRole.SOURCE_IMAGE)));

        List<UUID> owed = retire(original);

        assertThat(owed).isEmpty();
        assertThat(reread(original).isDeleted()).isFalse();
        assertThat(reread(thumbnail).isDeleted()).isFalse();
    }

    @Test
    void aThumbnailAnotherOwnerAlsoHoldsStaysWhenItsOriginalGoes() {
        Database.inTransaction(em -> em.persist(new MediaAttachment(acme.getId(), thumbnail.getId(), OwnerKind.AR_CONTENT,
                UUID.randomUUID(), MediaRole.OVERLAY_VIDEO)));

        List<UUID> owed = retire(original);

        assertThat(owed).hasSize(1);
        assertThat(reread(thumbnail).isDeleted()).isFalse();
    }

    @Test
    void anOwnerAttachingWhileTheResourceIsRetiredKeepsItAlive() throws Exception {
        UUID owner = UUID.randomUUID();
        Future<?> retirement = Database.whileTheFirstIsOpen(
                em -> new ServiceBeans(em).get(MediaStore.class).attach(em.find(MediaResource.class, original.getId()),
                        OwnerKind.AR_CONTENT, owner, MediaRole.SOURCE_IMAGE),
                () -> retire(original));

        retirement.get(30, TimeUnit.SECONDS);

        assertThat(reread(original).isDeleted()).as("retired under its new owner").isFalse();
        assertThat(reread(thumbnail).isDeleted()).isFalse();
    }

    @Test
    void aResourceRetiredWhileAnOwnerAttachesToItIsNotFoundByThatOwner() throws Exception {
        UUID owner = UUID.randomUUID();
        Future<?> attachment = Database.whileTheFirstIsOpen(
                em -> new ServiceBeans(em).get(MediaDisposal.class).retireIfUnused(em.find(MediaResource.class, original.getId()),
                        Instant.now()),
                () -> Database.inTransaction(em -> {
                    MediaResource found = em.find(MediaResource.class, original.getId());
                    new ServiceBeans(em).get(MediaStore.class).attach(found, OwnerKind.AR_CONTENT, owner, MediaRole.SOURCE_IMAGE);
                }));

        Throwable refusal = catchThrowable(() -> attachment.get(30, TimeUnit.SECONDS));

        assertThat(refusal).as("how the attachment ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        Database.inTransaction(em -> assertThat(em.createQuery("SELECT COUNT(a) FROM MediaAttachment a WHERE a.entityId = :owner",
                Long.class).setParameter("owner", owner).getSingleResult()).isZero());
    }
}
