package app.arv.persistence.media;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "Used by N" of the media library: owners other than the library itself, counted in the listing's query. */
class LibraryUsedByTest extends TwoTenantsTest {

    private final MediaRepository media = new MediaRepository();

    @Test
    void theLibraryListsEachUploadWithItsNumberOfOtherOwners() {
        MediaResource portrait = uploaded(acme);
        MediaResource unused = uploaded(acme);
        UUID anna = UUID.randomUUID();
        attach(acme, portrait, OwnerKind.AR_CONTENT, anna, MediaRole.SOURCE_IMAGE);
        attach(acme, portrait, OwnerKind.AR_CONTENT, UUID.randomUUID(), MediaRole.SOURCE_IMAGE);
        attach(acme, portrait, OwnerKind.GENERATION_ITEM, UUID.randomUUID(), MediaRole.SOURCE_IMAGE);

        assertThat(library(acme).items()).extracting(i -> i.resource().getId() + "=" + i.usedBy())
                .containsExactly(portrait.getId() + "=3", unused.getId() + "=0");
    }

    @Test
    void anOwnerHoldingAResourceInTwoRolesCountsOnce() {
        MediaResource glb = uploaded(acme);
        UUID anna = UUID.randomUUID();
        attach(acme, glb, OwnerKind.AR_CONTENT, anna, MediaRole.MODEL_GLB);
        attach(acme, glb, OwnerKind.AR_CONTENT, anna, MediaRole.SOURCE_IMAGE);

        assertThat(library(acme).items()).extracting(LibraryItem::usedBy).containsExactly(1L);
        assertThat(usedBy(acme, glb)).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsAttachmentsAreNotCounted() {
        MediaResource portrait = uploaded(acme);
        attach(acme, portrait, OwnerKind.AR_CONTENT, UUID.randomUUID(), MediaRole.SOURCE_IMAGE);
        attach(globex, portrait, OwnerKind.AR_CONTENT, UUID.randomUUID(), MediaRole.SOURCE_IMAGE);

        assertThat(library(acme).items()).extracting(LibraryItem::usedBy).containsExactly(1L);
        assertThat(usedBy(acme, portrait)).isEqualTo(1);
        assertThat(library(globex).items()).isEmpty();
    }

    private static MediaResource uploaded(Organization org) {
        MediaResource resource = TestData.resource(org.getId(), "image/jpeg", "portrait.jpg");
        Database.inTransaction(em -> {
            em.persist(resource);
            em.persist(new MediaAttachment(org.getId(), resource.getId(), OwnerKind.UPLOAD, org.getId(), MediaRole.SOURCE_IMAGE));
        });
        return resource;
    }

    private static void attach(Organization org, MediaResource resource, OwnerKind kind, UUID owner, MediaRole role) {
        Database.inTransaction(em -> em.persist(new MediaAttachment(org.getId(), resource.getId(), kind, owner, role)));
    }

    private Page<LibraryItem> library(Organization org) {
        List<Page<LibraryItem>> page = new ArrayList<>();
        Database.inTransaction(em -> {
            Repositories.on(em, media);
            page.add(media.listUploads(org.getId(), PageRequest.first()));
        });
        return page.get(0);
    }

    private long usedBy(Organization org, MediaResource resource) {
        long[] count = new long[1];
        Database.inTransaction(em -> {
            Repositories.on(em, media);
            count[0] = media.usedBy(org.getId(), resource.getId());
        });
        return count[0];
    }
}
