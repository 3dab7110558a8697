package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.media.MediaStore;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.platform.ApplicationMetric;
import app.arv.platform.ServerNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The state changes of one item, each committed on its own (REQUIRES_NEW): clients see an item taken
 * and its progress while the model is still being made, and the message's own transaction only
 * decides whether the broker delivers it again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GenerationSteps {

    private static final Logger LOG = Logger.getLogger(GenerationSteps.class.getName());

    /** Why an item of an organization deactivated while it waited is failed when a worker comes to it. */
    static final String ORGANIZATION_DEACTIVATED = "The organization was deactivated before this model was made";

    @Inject
    GenerationRepository generations;

    @Inject
    MediaStore files;

    @Inject
    GenerationEvents events;

    @Inject
    MetricRegistry metrics;

    @Inject
    FinishedJobs finished;

    @Inject
    ServerNode node;

    @Inject
    GenerationQueue queue;

    @Inject
    GenerationQuota quota;

    @Inject
    OrganizationRepository organizations;

    /**
     * What a worker needs to make the model of a taken item.
     *
     * @param providerRequest the request a paid provider accepted in an earlier attempt of the item, or null
     */
    public record Claim(UUID organizationId, UUID jobId, UUID itemId, String provider, GenerationOptions options, MediaResource source,
            String providerRequest) {
    }

    /**
     * Takes the item for the worker of {@code message}: an atomic transition, made with the job's and the item's row
     * locks held and on the item as last committed, so of two messages of one item only one takes it. Empty when
     * there is nothing to do: the item is unknown or already final (a redelivered message of a finished, failed or
     * cancelled item), or another message's worker took it ({@link GenerationItem#mayBeTakenBy}); also when the item
     * fails instead of being made: its organization was deactivated, or its source image deleted, meanwhile.
     */
    public Optional<Claim> claim(UUID org, UUID itemId, UUID message) {
        Locked locked = lock(org, itemId).orElse(null);
        if (locked == null || locked.job().getStatus() == GenerationStatus.CANCELLED) {
            return Optional.empty();
        }
        if (locked.item().getStatus().isFinal()) {
            LOG.info(() -> "Message " + message + " of generation item " + itemId + " dropped: the item is " + locked.item().getStatus());
            return Optional.empty();
        }
        GenerationJob job = locked.job();
        GenerationItem item = locked.item();
        if (!item.mayBeTakenBy(message)) {
            LOG.info(() -> "Message " + message + " of generation item " + itemId + " dropped: message " + item.getClaimedBy() + " took it");
            return Optional.empty();
        }
        if (!organizations.isActive(org)) {
            // A suspended tenant's queued work is not made (nor paid for); retried once it is active again, it is.
            fail(job, item, ORGANIZATION_DEACTIVATED);
            return Optional.empty();
        }
        MediaResource source = files.live(org, item.getSourceMediaId()).orElse(null);
        if (source == null) {
            fail(job, item, "The source image was deleted before its model was made");
            return Optional.empty();
        }
        item.start(node.name(), message);
        settle(job, item);
        publishProgress(item);
        return Optional.of(new Claim(org, job.getId(), itemId, job.getProvider(),
                job.options(), source, item.getProviderRequest()));
    }

    /**
     * Keeps the request a paid provider just accepted on the item, committed before the provider waits for
     * it: if this attempt breaks, the message's next delivery resumes the request rather than paying again.
     * An item no longer processing (cancelled meanwhile) keeps nothing.
     */
    public void recordProviderRequest(UUID org, UUID itemId, String request) {
        generations.lockItem(org, itemId).filter(i -> i.getStatus() == GenerationStatus.PROCESSING)
                .ifPresent(item -> item.recordProviderRequest(request));
    }

    /**
     * The worker's progress on the item, published when it changed; what a provider asks between its polls.
     *
     * @return whether the item is still wanted: {@code false} once it is no longer processing (cancelled, or failed by the
     *     reaper), so the provider stops instead of making, and paying for, a model nobody will keep
     */
    public boolean progress(UUID org, UUID itemId, int percent, String stage) {
        // A paid provider asks at every status poll, mostly with nothing new to say: the question is answered from the
        // last committed state without the item's lock, so the polls of a long request never hold up (nor wait for) a
        // cancel or the reaper. Only a change is written, under the lock, from the state as it is then.
        GenerationItem item = generations.findItem(org, itemId).filter(i -> i.getStatus() == GenerationStatus.PROCESSING).orElse(null);
        if (item == null) {
            return false;
        }
        if (item.shows(percent, stage)) {
            return true;
        }
        generations.refreshLocked(item);
        if (item.getStatus() != GenerationStatus.PROCESSING) {
            return false;
        }
        int before = item.getProgress();
        String stageBefore = item.getStage();
        item.advance(percent, stage);
        if (item.getProgress() != before || !Objects.equals(item.getStage(), stageBefore)) {
            publishProgress(item);
        }
        return true;
    }

    /**
     * Records the model and preview (already written to the store by the worker, outside this
     * transaction) as the organization's media, attached to the item. An item no longer processing
     * (cancelled meanwhile) records nothing, and the written files go.
     */
    public void complete(UUID org, UUID itemId, MediaStore.StagedFile stagedModel, MediaStore.StagedFile stagedPreview) {
        Locked locked = lock(org, itemId).filter(l -> l.item().getStatus() == GenerationStatus.PROCESSING).orElse(null);
        if (locked == null) {
            files.discard(stagedModel, stagedPreview);
            return;
        }
        GenerationJob job = locked.job();
        GenerationItem item = locked.item();
        MediaResource model = files.record(stagedModel);
        files.attach(model, OwnerKind.GENERATION_ITEM, itemId, MediaRole.MODEL_GLB);
        UUID previewId = null;
        if (stagedPreview != null) {
            MediaResource preview = files.record(stagedPreview);
            files.attach(preview, OwnerKind.GENERATION_ITEM, itemId, MediaRole.PREVIEW);
            previewId = preview.getId();
        }
        item.complete(model.getId(), previewId);
        ApplicationMetric.GENERATION_ITEMS_COMPLETED.counter(metrics).inc();
        events.publish(job.getOrganizationId(), job.getId(), JobEvent.itemCompleted(item, model.getId()));
        settle(job, item);
    }

    /** The item fails for good with this reason (shown to the client). */
    public void fail(UUID org, UUID itemId, String reason) {
        lock(org, itemId).filter(l -> !l.item().getStatus().isFinal()).ifPresent(locked -> fail(locked.job(), locked.item(), reason));
    }

    /**
     * Every path that fails an item comes here: it gives back what the item was counted for against the month's quotas
     * when it is to ({@link GenerationQuota#giveBack}: a free provider's item, or a paid one whose provider was never
     * reached), as a cancelled one does. Retrying it counts it again.
     */
    private void fail(GenerationJob job, GenerationItem item, String reason) {
        quota.giveBack(job, List.of(item));
        item.fail(reason);
        settle(job, item);
    }

    private record Locked(GenerationJob job, GenerationItem item) {
    }

    /**
     * The item and its job, both row-locked, the job first as on every path; the item re-read after the
     * job's lock, so a cancel committed while this worker waited for it is seen, and wins.
     */
    private Optional<Locked> lock(UUID org, UUID itemId) {
        return generations.findItem(org, itemId).map(item -> {
            GenerationJob job = generations.lockJob(org, item.getJobId()).orElseThrow();
            generations.refreshLocked(item);
            return new Locked(job, item);
        });
    }

    /** An attempt broke (the message will come again): its reason stays on the item for when the broker gives up. */
    public void noteAttemptFailure(UUID org, UUID itemId, String reason) {
        generations.lockItem(org, itemId).filter(i -> i.getStatus() == GenerationStatus.PROCESSING)
                .ifPresent(item -> item.attemptFailed(reason));
    }

    /**
     * The attempt of the item's worker was stopped by a dependency of ARV's own that is away: it is not counted, and the
     * item, still taken by the worker's message, shows why it waits ({@link GenerationItem#attemptStoppedByOutage}). Not
     * when another message of the item took it meanwhile (the reaper failed the item and the user retried it): the
     * attempt and the stage are that one's worker's.
     */
    public void attemptStoppedByOutage(UUID org, UUID itemId, UUID message, String reason, boolean providerCalled) {
        generations.lockItem(org, itemId).filter(i -> i.getStatus() == GenerationStatus.PROCESSING && i.mayBeTakenBy(message))
                .ifPresent(item -> item.attemptStoppedByOutage(reason, providerCalled));
    }

    /**
     * The item's {@code message} waited out an outage for as long as ARV waits: the item fails with the reason. Not when
     * another message of the item took it: that one's worker is still at it.
     */
    public void outageOutlasted(UUID org, UUID itemId, UUID message, String reason) {
        lock(org, itemId).filter(l -> !l.item().getStatus().isFinal() && l.item().mayBeTakenBy(message))
                .ifPresent(locked -> fail(locked.job(), locked.item(), reason));
    }

    /**
     * The broker gave up on the item's {@code message}: the item fails with the last attempt's reason. Not when another
     * message of the item took it: that one's worker is still at it.
     */
    public void giveUp(UUID org, UUID itemId, UUID message) {
        generations.findItem(org, itemId).filter(i -> !i.getStatus().isFinal() && i.mayBeTakenBy(message)).ifPresent(item -> fail(org, itemId,
                "Gave up after " + item.getAttempts() + " attempts" + (item.getError() == null ? "" : "; last error: " + item.getError())));
    }

    /** Items a worker took and stopped reporting on before {@code before} (its node died or hung): {@link #reapStuck}'s candidates. */
    public List<GenerationQueue.ItemRef> stuckSince(Instant before, int max) {
        return generations.processingSince(before, max).stream()
                .map(i -> new GenerationQueue.ItemRef(i.getOrganizationId(), i.getId(), null)).toList();
    }

    /**
     * Fails an item {@link #stuckSince} found, if it is still stuck: decided on the item as last committed with its
     * job's and its own locks held, since between the search and this its worker may have reported progress, a
     * redelivery of its message taken it again, or it may have finished; such an item is left to its worker.
     *
     * An item waiting out an outage ({@link GenerationItem#stoppedReportingBefore}) is stuck only once unchanged since
     * {@code waitingBefore}.
     *
     * @return whether it failed
     */
    public boolean reapStuck(UUID org, UUID itemId, Instant before, Instant waitingBefore) {
        Locked locked = lock(org, itemId).filter(l -> l.item().stoppedReportingBefore(before, waitingBefore)).orElse(null);
        if (locked == null) {
            return false;
        }
        fail(locked.job(), locked.item(), "No progress since " + locked.item().getUpdatedAt()
                + ": the worker stopped (server restarted or stuck)");
        return true;
    }

    /**
     * Items still queued whose message was sent before {@code sentBefore} and not re-sent, or re-sent before
     * {@code resentBefore}: their message was most likely lost (the broker's data lost, a dead letter nobody took).
     */
    public List<GenerationQueue.ItemRef> waitingLong(Instant sentBefore, Instant resentBefore, int max) {
        return generations.queuedSince(sentBefore, resentBefore, max).stream()
                .map(i -> new GenerationQueue.ItemRef(i.getOrganizationId(), i.getId(), null)).toList();
    }

    /** What {@link #rescue} did with an item left queued. */
    public enum Rescue {
        /** Its message was sent again. */
        RESENT,
        /** It failed: its re-sent message was not taken either. */
        FAILED,
        /** Nothing: it was taken, finished or rescued meanwhile (by a worker, or by the reaper of another node). */
        NONE
    }

    /**
     * An item left queued since before {@code sentBefore} gets its message again (once; whichever of its messages comes
     * first takes it, the other is dropped); one still queued after its re-sent message went before {@code resentBefore}
     * fails with the reason. Decided on the item as last committed with its job's and its own locks held, so the reapers
     * of two nodes re-send an item once, and a worker taking it meanwhile wins. A broker that refuses the message (a 503
     * DomainException) rolls the transaction back: nothing changes, and the next round tries again.
     */
    public Rescue rescue(UUID org, UUID itemId, Instant sentBefore, Instant resentBefore) {
        Locked locked = lock(org, itemId).orElse(null);
        if (locked == null) {
            return Rescue.NONE;
        }
        GenerationItem item = locked.item();
        if (item.awaitsLostMessage(sentBefore)) {
            Instant queuedAt = item.getUpdatedAt();
            item.resent(Instant.now());
            queue.send(item, locked.job().getPriority());
            LOG.warning("Generation item " + itemId + " queued since " + queuedAt + " was not taken: its message was sent again");
            return Rescue.RESENT;
        }
        if (item.lostItsMessages(resentBefore)) {
            fail(locked.job(), item, "Not taken from the queue: its message was lost (sent again at " + item.getResentAt()
                    + ", not taken either); retry the item");
            return Rescue.FAILED;
        }
        return Rescue.NONE;
    }

    private void settle(GenerationJob job, GenerationItem changed) {
        if (changed.getStatus() == GenerationStatus.FAILED) {
            ApplicationMetric.GENERATION_ITEMS_FAILED.counter(metrics).inc();
            events.publish(job.getOrganizationId(), job.getId(), JobEvent.itemFailed(changed));
        }
        generations.flush();
        Map<GenerationStatus, Long> counts = generations.countByStatus(job.getOrganizationId(), job.getId());
        if (job.settleOn(counts)) {
            finished.announce(job, counts);
        }
    }

    private void publishProgress(GenerationItem item) {
        events.publish(item.getOrganizationId(), item.getJobId(), JobEvent.progress(item));
    }
}
