package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.media.MediaStore;
import app.arv.notification.Occurrences;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.platform.ServerNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The state changes of one item, each committed on its own (REQUIRES_NEW): clients see an item taken
 * and its progress while the model is still being made, and the message's own transaction only
 * decides whether the broker delivers it again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GenerationSteps {

    @Inject
    GenerationRepository generations;

    @Inject
    MediaStore files;

    @Inject
    GenerationEvents events;

    @Inject
    MetricRegistry metrics;

    @Inject
    Occurrences occurrences;

    @Inject
    ServerNode node;

    /**
     * What a worker needs to make the model of a taken item.
     *
     * @param providerRequest the request a paid provider accepted in an earlier attempt of the item, or null
     */
    public record Claim(UUID organizationId, UUID jobId, UUID itemId, String provider, GenerationOptions options, MediaResource source,
            String providerRequest) {
    }

    /**
     * Takes the item for a worker. Empty when there is nothing to do: the item is unknown or already
     * final (a redelivered message of a finished, failed or cancelled item).
     */
    public Optional<Claim> claim(UUID org, UUID itemId) {
        GenerationItem item = generations.findItem(org, itemId).orElse(null);
        if (item == null || item.getStatus().isFinal()) {
            return Optional.empty();
        }
        GenerationJob job = generations.lockJob(org, item.getJobId()).orElseThrow();
        if (job.getStatus() == GenerationStatus.CANCELLED) {
            return Optional.empty();
        }
        MediaResource source = files.live(org, item.getSourceMediaId()).orElse(null);
        if (source == null) {
            item.fail("The source image was deleted before its model was made");
            settle(job, item);
            return Optional.empty();
        }
        item.start(node.name());
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

    public void progress(UUID org, UUID itemId, int percent, String stage) {
        generations.lockItem(org, itemId).filter(i -> i.getStatus() == GenerationStatus.PROCESSING).ifPresent(item -> {
            item.advance(percent, stage);
            publishProgress(item);
        });
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
        metrics.counter("arv_generation_items_completed").inc();
        events.publish(job.getOrganizationId(), job.getId(), JobEvent.itemCompleted(item, model.getId()));
        settle(job, item);
    }

    /** The item fails for good with this reason (shown to the client). */
    public void fail(UUID org, UUID itemId, String reason) {
        lock(org, itemId).filter(l -> !l.item().getStatus().isFinal()).ifPresent(locked -> {
            locked.item().fail(reason);
            settle(locked.job(), locked.item());
        });
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

    /** The broker gave up on the item's message: the item fails with the last attempt's reason. */
    public void giveUp(UUID org, UUID itemId) {
        generations.findItem(org, itemId).filter(i -> !i.getStatus().isFinal()).ifPresent(item -> fail(org, itemId,
                "Gave up after " + item.getAttempts() + " attempts" + (item.getError() == null ? "" : "; last error: " + item.getError())));
    }

    /** Fails items a worker took and stopped reporting on before {@code before} (its node died or hung). */
    public int reapStuck(Instant before, int max) {
        var stuck = generations.processingSince(before, max);
        for (GenerationItem item : stuck) {
            fail(item.getOrganizationId(), item.getId(), "No progress since " + item.getUpdatedAt()
                    + ": the worker stopped (server restarted or stuck)");
        }
        return stuck.size();
    }

    private void settle(GenerationJob job, GenerationItem changed) {
        if (changed.getStatus() == GenerationStatus.FAILED) {
            metrics.counter("arv_generation_items_failed").inc();
            events.publish(job.getOrganizationId(), job.getId(), JobEvent.itemFailed(changed));
        }
        generations.flush();
        Map<GenerationStatus, Long> counts = generations.countByStatus(job.getOrganizationId(), job.getId());
        if (job.settleOn(counts)) {
            events.publish(job.getOrganizationId(), job.getId(), JobEvent.completed(job.getStatus(), counts));
            occurrences.generationFinished(job, counts);
        }
    }

    private void publishProgress(GenerationItem item) {
        events.publish(item.getOrganizationId(), item.getJobId(), JobEvent.progress(item));
    }

    /** The model's file name, after its source image's. */
    public static String modelName(String sourceName) {
        return stripExtension(sourceName) + ".glb";
    }

    public static String previewName(String sourceName, String previewMediaType) {
        return stripExtension(sourceName) + "-preview" + extensionOf(previewMediaType);
    }

    private static String stripExtension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return name == null || name.isBlank() ? "model" : dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extensionOf(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/jpeg" -> ".jpg";
            default -> "";
        };
    }
}
