package app.arv.marker.batch;

import app.arv.marker.MarkerEvents;
import app.arv.marker.MarkerNode;
import app.arv.marker.MarkerOccurrences;
import app.arv.marker.MarkerPacks;
import app.arv.marker.MarkerStops;
import app.arv.media.MediaStore;
import app.arv.notification.Occurrences;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.platform.ApplicationMetric;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The batch job's view of AR content: claiming, reading and recording results, each in the
 * transaction of the step that calls it (the chunk's, for the writer).
 */
@Stateless
public class MarkerQueue {

    private static final Logger LOG = Logger.getLogger(MarkerQueue.class.getName());

    @Inject
    ArContentRepository contents;

    @Inject
    MediaRepository media;

    @Inject
    MediaStore files;

    @Inject
    MarkerEvents events;

    @Inject
    MetricRegistry metrics;

    @Inject
    MarkerNode node;

    @Inject
    MarkerStops stops;

    @Inject
    Occurrences occurrences;

    /**
     * The items of a job instance: claimed on its first execution, the same list on a restart (the
     * partition plan is derived from it and must not change).
     */
    public List<UUID> claim(UUID organizationId, long jobInstance, long jobExecution) {
        // Operators' stops asked of another node reach the execution here.
        stops.listen();
        try {
            node.starts(jobInstance, jobExecution);
        } catch (RuntimeException e) {
            LOG.fine("Job owner not recorded: " + e);
        }
        List<UUID> claimed = contents.claimedBy(organizationId, jobInstance);
        if (!claimed.isEmpty()) {
            return claimed;
        }
        contents.claimPending(organizationId, jobInstance, jobExecution);
        claimed = contents.claimedBy(organizationId, jobInstance);
        for (UUID id : claimed) {
            contents.find(organizationId, id).ifPresent(events::statusChanged);
        }
        return claimed;
    }

    public List<UUID> stillCompiling(UUID organizationId, long jobInstance, List<UUID> ids) {
        return contents.stillCompiling(organizationId, jobInstance, ids).stream().map(ArContent::getId).toList();
    }

    /**
     * The portrait's bytes, if the item is still this job's to compile.
     *
     * @throws PortraitGone    when they can never be read again: the portrait left the media library, or the store lost
     *                         its object. Checked, so the chunk's transaction is not rolled back: the item fails alone.
     * @throws DomainException 503 {@code storage_unavailable} when the store is away or breaks off while sending (the job
     *                         retries the item: {@link StorageAway}), 502 {@code storage_misconfigured} when it refuses the
     *                         connection's settings (the step skips the item: it fails with the reason).
     *                         Outside the chunk's transaction: a store that sends slowly (an organization's own endpoint)
     *                         must not hold a pooled database connection for as long as the read lasts.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<byte[]> sourceImage(UUID organizationId, long jobInstance, UUID contentId) throws PortraitGone {
        Optional<ArContent> content = compilingFor(organizationId, jobInstance, contentId);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        MediaResource source = media.findLive(organizationId, content.get().getSourceMediaId())
                .orElseThrow(() -> new PortraitGone("its portrait is no longer in the media library"));
        try {
            return Optional.of(files.readAll(source));
        } catch (IOException | DomainException e) {
            if (!files.stillStored(source)) {
                throw new PortraitGone("the storage no longer has its portrait (media " + source.getId() + ")");
            }
            throw e instanceof IOException io ? MediaStore.stoppedSending("the portrait", io) : (DomainException) e;
        }
    }

    /**
     * Whether the caller accepted an {@code unusable} marker for this content (force=true). Outside the chunk's
     * transaction: asked before the compile, it would hold a pooled database connection idle in that transaction for as
     * long as the compile (and the writing of its {@code .mind}) lasts.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean markerForced(UUID organizationId, UUID contentId) {
        return contents.find(organizationId, contentId).map(ArContent::isMarkerForced).orElse(false);
    }

    /**
     * Writes a ready outcome's {@code .mind} file to the store, unless the item is no longer this job's to compile; the
     * file is recorded (or removed) by {@link #record}. Outside the chunk's transaction, as {@link #sourceImage}: a store
     * that takes writes slowly (an organization's own endpoint) must not hold a pooled database connection for as long
     * as the write lasts.
     *
     * @return the written file, or null for a failed outcome or an item no longer compiling for this job
     * @throws DomainException 503 {@code storage_unavailable} when the store does not take the file
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaStore.StagedFile stageMind(UUID organizationId, long jobInstance, CompileOutcome outcome) {
        if (!outcome.isReady()) {
            return null;
        }
        return compilingFor(organizationId, jobInstance, outcome.contentId())
                .map(content -> files.stageBytes(organizationId, outcome.mind(), MarkerPacks.MIND_TYPE,
                        "marker-" + content.getUniqueId() + ".mind", outcome.width(), outcome.height()))
                .orElse(null);
    }

    /**
     * Stores the outcome with its {@code .mind} file written by {@link #stageMind}, unless the item was meanwhile given a
     * new portrait or handed to another job (then this result is stale and dropped, its file removed once the
     * transaction ends, as it is if the transaction rolls back). The chunk read the content when it began, seconds ago:
     * the check reads it again, row-locked, so a portrait replaced during the compile is seen and cannot be replaced
     * between the check and the commit. The file was written before this transaction touched the database, so a slow
     * store holds neither a lock of the content's nor a database connection.
     *
     * @param staged the outcome's file, null for a failed outcome (or a ready one found stale when it was written)
     */
    public void record(UUID organizationId, long jobInstance, CompileOutcome outcome, MediaStore.StagedFile staged) {
        Optional<ArContent> found;
        try {
            found = contents.find(organizationId, outcome.contentId());
            if (found.isPresent() && found.get().isCompilingFor(jobInstance)) {
                contents.refreshLocked(found.get());
            }
        } catch (RuntimeException e) {
            files.discard(staged);
            throw e;
        }
        if (found.isEmpty() || !found.get().isCompilingFor(jobInstance) || outcome.isReady() && staged == null) {
            files.discard(staged);
            return;
        }
        ArContent content = found.get();
        owning(jobInstance);
        if (outcome.isReady()) {
            MediaResource mind = files.record(staged);
            for (MediaAttachment old : files.attachInstead(mind, OwnerKind.AR_CONTENT, content.getId(), MediaRole.MIND_TARGET)) {
                files.release(old);
            }
            content.markerReady(mind.getId(), outcome.width(), outcome.height(), outcome.score(), outcome.verdict(),
                    outcome.qualityJson());
            ApplicationMetric.MARKERS_COMPILED.counter(metrics).inc();
        } else {
            content.markerFailed(outcome.failure(), outcome.score(), outcome.verdict(), outcome.qualityJson());
            ApplicationMetric.MARKERS_FAILED.counter(metrics).inc();
        }
        events.statusChanged(content);
        occurrences.fire(MarkerOccurrences.settled(content));
    }

    private Optional<ArContent> compilingFor(UUID organizationId, long jobInstance, UUID contentId) {
        return contents.find(organizationId, contentId).filter(c -> c.isCompilingFor(jobInstance));
    }

    /** Tells the recovery timer that this node runs the job (a Redis hiccup must not fail the chunk). */
    private void owning(long jobInstance) {
        try {
            node.runs(jobInstance);
        } catch (RuntimeException e) {
            LOG.fine("Job owner not recorded: " + e);
        }
    }
}
