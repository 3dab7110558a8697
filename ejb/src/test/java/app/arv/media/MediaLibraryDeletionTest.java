package app.arv.media;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What deleting a medium from the library answers, on real PostgreSQL and without a server. */
class MediaLibraryDeletionTest {

    private Organization acme;
    private Caller member;

    @BeforeEach
    void anOrganizationAndOneOfItsMembers() {
        acme = TestData.organization("Acme");
        member = Callers.memberOf(acme.getId());
    }

    /** A live medium held by each of {@code owners} ({@link OwnerKind#UPLOAD}: the library). */
    private MediaResource medium(OwnerKind... owners) {
        MediaResource resource = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        Database.persist(resource);
        for (OwnerKind owner : owners) {
            UUID ownerId = owner == OwnerKind.UPLOAD ? acme.getId() : UUID.randomUUID();
            Database.persist(new MediaAttachment(acme.getId(), resource.getId(), owner, ownerId, MediaRole.SOURCE_IMAGE));
        }
        return resource;
    }

    private static DomainException refusal(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    /** How the call ended: its exception thrown here as it was. */
    private static void outcomeOf(Future<?> call) {
        try {
            call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void delete(MediaResource resource) {
        Database.inTransaction(em -> new ServiceBeans(em).get(MediaService.class).delete(member, resource.getId()));
    }

    @Test
    void aMediumDeletedFromTheLibraryWhileInUseIsNotFoundTheSecondTime() {
        MediaResource portrait = medium(OwnerKind.UPLOAD, OwnerKind.AR_CONTENT);
        delete(portrait);

        DomainException refused = refusal(() -> delete(portrait));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
    }

    @Test
    void ofTwoDeletesAtOnceOfAMediumInUseTheSecondIsNotFoundAsALaterOneWouldBe() {
        MediaResource portrait = medium(OwnerKind.UPLOAD, OwnerKind.AR_CONTENT);

        Future<?> second = Database.whileTheFirstIsOpen(
                em -> new ServiceBeans(em).get(MediaService.class).delete(member, portrait.getId()), () -> delete(portrait));

        DomainException refused = refusal(() -> outcomeOf(second));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
    }

    @Test
    void aMediumThatWasNeverInTheLibraryIsAConflict() {
        MediaResource portrait = medium(OwnerKind.AR_CONTENT);

        DomainException refused = refusal(() -> delete(portrait));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("media_not_in_library");
    }
}
