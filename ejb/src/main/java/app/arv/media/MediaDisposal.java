package app.arv.media;

import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Retires resources nobody uses any more, in the caller's transaction: the row becomes a tombstone,
 * the object deletion is owed (a {@link MediaDeletion}, attempted after commit and retried), and
 * what the resource itself held (its thumbnails) is released in turn.
 */
@ApplicationScoped
public class MediaDisposal {

    @Inject
    MediaRepository media;

    @Inject
    MediaDeletionRepository deletions;

    /** @return the ids of the object deletions now owed */
    public List<UUID> disposeIfUnused(MediaResource resource, Instant now) {
        List<UUID> owed = new ArrayList<>();
        dispose(resource, now, owed);
        return owed;
    }

    private void dispose(MediaResource resource, Instant now, List<UUID> owed) {
        UUID org = resource.getOrganizationId();
        if (resource.isDeleted() || media.countAttachments(org, resource.getId()) > 0) {
            return;
        }
        resource.markDeleted(now);
        owed.add(deletions.add(new MediaDeletion(resource, now)).getId());
        for (UUID held : media.detachAllOf(org, MediaAttachment.MEDIA, resource.getId())) {
            media.findLive(org, held).ifPresent(derived -> dispose(derived, now, owed));
        }
    }
}
