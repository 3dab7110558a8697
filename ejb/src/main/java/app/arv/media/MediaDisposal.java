package app.arv.media;

import app.arv.events.AfterCommit;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.OwnerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retires resources nobody uses any more, in the caller's transaction: the row becomes a tombstone,
 * the object deletion is owed (a {@link MediaDeletion}), and what the resource itself held (its
 * thumbnails) is released in turn. The owed deletions are attempted right after the transaction
 * commits — here, where they are decided, so no caller has to remember them — and retried by
 * {@link MediaDeletions}' timer when that attempt fails or never happens.
 */
@ApplicationScoped
public class MediaDisposal {

    private static final Logger LOG = Logger.getLogger(MediaDisposal.class.getName());
    /** How long a change waits for its deletions: each is one store call, bounded by the store's own timeouts. */
    private static final Duration ATTEMPT_WAIT = Duration.ofSeconds(10);

    @Inject
    MediaRepository media;

    @Inject
    MediaDeletionRepository deletions;

    @Inject
    MediaDeletions objects;

    @Inject
    AfterCommit afterCommit;

    /** @return how many resources were retired (the resource and what it held) */
    public int disposeIfUnused(MediaResource resource, Instant now) {
        List<UUID> owed = retireIfUnused(resource, now);
        if (!owed.isEmpty()) {
            afterCommit.run(() -> attempt(owed));
        }
        return owed.size();
    }

    /**
     * As {@link #disposeIfUnused}, leaving the deletions to the caller: for the orphan scan, which
     * attempts them itself and reports how they went.
     *
     * @return the ids of the object deletions now owed
     */
    public List<UUID> retireIfUnused(MediaResource resource, Instant now) {
        List<UUID> owed = new ArrayList<>();
        retire(resource, now, owed);
        return owed;
    }

    private void retire(MediaResource resource, Instant now, List<UUID> owed) {
        UUID org = resource.getOrganizationId();
        // Under the content lock, so that an owner attaching to it meanwhile is either seen here or waits and finds it gone.
        if (resource.isDeleted() || !media.holdContent(resource) || media.countAttachments(org, resource.getId()) > 0) {
            return;
        }
        resource.markDeleted(now);
        owed.add(deletions.add(new MediaDeletion(resource, now)).getId());
        for (UUID held : media.detachAllOf(org, OwnerKind.MEDIA, resource.getId())) {
            media.findLive(org, held).ifPresent(derived -> retire(derived, now, owed));
        }
    }

    private void attempt(List<UUID> owed) {
        try {
            // Waited for (within bounds): the caller's answer follows the deletions, as when no transaction is involved.
            objects.attemptApart(owed).get(ATTEMPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info(() -> owed.size() + " owed object deletions still running after " + ATTEMPT_WAIT + "; not waited for");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // The change is committed and the deletions are recorded: the deletion timer takes them on.
            LOG.log(Level.WARNING, "Could not attempt " + owed.size() + " owed object deletions now; the timer retries them",
                    e instanceof ExecutionException ? e.getCause() : e);
        }
    }
}
