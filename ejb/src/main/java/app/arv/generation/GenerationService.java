package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.media.Download;
import app.arv.media.MediaService;
import app.arv.media.MediaStore;
import app.arv.media.SpooledFile;
import app.arv.media.UploadRules;
import app.arv.messaging.BrokerAvailability;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.project.ProjectRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.ApplicationMetric;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accepts generation jobs and answers about them. Accepting is one transaction: the source images
 * (uploaded through the media layer, or taken from the library), the job, its items and one queue
 * message per item commit together or not at all.
 */
@Stateless
public class GenerationService {

    @Inject
    GenerationRepository generations;

    @Inject
    MediaService mediaService;

    @Inject
    MediaRepository media;

    @Inject
    MediaStore files;

    @Inject
    ProjectRepository projects;

    @Inject
    ModelProviders providers;

    @Inject
    GenerationQueue queue;

    @Inject
    BrokerAvailability broker;

    @Inject
    UploadRules rules;

    @Inject
    GenerationEvents events;

    @Inject
    MetricRegistry metrics;

    @Inject
    FinishedJobs finished;

    @Inject
    GenerationQuota quota;

    @Inject
    @ConfigProperty(name = "arv.generation.default-provider", defaultValue = LocalModelProvider.NAME)
    String defaultProvider;

    /**
     * Uploads the images (the media layer's rules: all checked before any is stored) and queues a model for each. The
     * images are the job's own, not put in the organization's library: each is held by its item alone, so it goes
     * when the job is deleted; bytes the library holds already stay in it. The
     * images are written first, with no lock of this transaction held (the media layer stages them outside it and
     * records them in it); only then are the project share-locked and the organization's monthly count taken, whose
     * row stays locked until the commit. So a slow upload holds up no other job of its organization; a refusal then
     * rolls the transaction back, and the media layer deletes what it staged.
     */
    public JobDetails submitUploads(Caller caller, List<SpooledFile> images, NewGeneration request) {
        Options options = check(request, images.size());
        // Before anything is stored: with the broker away the job could not be queued.
        broker.require();
        List<MediaResource> sources = mediaService.uploadFor(caller, images);
        LocalDate counted = admit(caller, options, sources.size());
        return create(caller, sources, options, counted);
    }

    /** Queues a model for each image of the organization's media library; they stay in it when the job is deleted. */
    public JobDetails submitMedia(Caller caller, List<UUID> mediaIds, NewGeneration request) {
        int count = new LinkedHashSet<>(mediaIds).size();
        Options options = check(request, count);
        LocalDate counted = admit(caller, options, count);
        broker.require();
        List<MediaResource> sources = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(mediaIds)) {
            MediaResource source = media.findLive(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Media"));
            if (!rules.allows(source.getMediaType())) {
                throw DomainException.invalid("not_an_image", "Media " + id + " is not an image (" + source.getMediaType() + ")");
            }
            sources.add(source);
        }
        return create(caller, sources, options, counted);
    }

    private record Options(String provider, GenerationPriority priority, GenerationOptions generation, UUID projectId) {
    }

    /** The request's options, checked without touching the database: a bad request is refused before anything is locked or stored. */
    private Options check(NewGeneration request, int imageCount) {
        if (imageCount == 0) {
            throw DomainException.invalid("no_files", "Send one or more images");
        }
        if (imageCount > rules.maxFiles()) {
            throw DomainException.tooManyFiles(rules.maxFiles());
        }
        String provider = request.provider() == null ? defaultProvider.strip() : request.provider();
        if (providers.byName(provider).isEmpty()) {
            throw DomainException.invalid("unknown_provider", "provider must be one of " + providers.names() + ", not " + provider);
        }
        GenerationOptions generation;
        try {
            generation = new GenerationOptions(request.faceLimit() == null ? GenerationOptions.DEFAULT_FACE_LIMIT : request.faceLimit(),
                    request.texture() == null ? TextureQuality.STANDARD : request.texture());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_face_limit", e.getMessage());
        }
        GenerationPriority priority = request.priority() == null ? GenerationPriority.NORMAL : request.priority();
        return new Options(provider, priority, generation, request.projectId());
    }

    /**
     * The locks of the job, held until the commit, so take them last: the project share-locked (its deletion waits for
     * this job, then unlinks it, instead of failing its insert) and the items counted against the organization's
     * monthly quota (its row locked: two jobs cannot both take the last of it).
     *
     * @return the month the items were counted in
     */
    private LocalDate admit(Caller caller, Options options, int items) {
        if (options.projectId() != null && projects.share(caller.organizationId(), options.projectId()).isEmpty()) {
            throw DomainException.notFound("Project");
        }
        return quota.admit(caller.organizationId(), options.provider(), items);
    }

    private JobDetails create(Caller caller, List<MediaResource> sources, Options options, LocalDate counted) {
        UUID org = caller.organizationId();
        GenerationJob job = new GenerationJob(org, options.projectId(), options.provider(), options.priority(),
                options.generation(), sources.size());
        job.createdBy(caller.userId());
        generations.add(job);
        List<GenerationItem> items = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            GenerationItem item = new GenerationItem(org, job.getId(), i, sources.get(i).getId());
            item.countedIn(counted);
            generations.add(item);
            // Attached, so the source stays while the item needs it, even if it leaves the library; an uploaded one
            // (no library entry) is held by the item alone, and retired with it.
            files.attach(sources.get(i), OwnerKind.GENERATION_ITEM, item.getId(), MediaRole.SOURCE_IMAGE);
            items.add(item);
        }
        generations.flush();
        for (GenerationItem item : items) {
            queue.send(item, options.priority());
        }
        ApplicationMetric.GENERATION_JOBS_ACCEPTED.counter(metrics).inc();
        ApplicationMetric.GENERATION_ITEMS_QUEUED.counter(metrics).inc(items.size());
        return details(org, job, items, generations.countByStatus(org, job.getId()));
    }

    public JobDetails get(Caller caller, UUID jobId) {
        GenerationJob job = findJob(caller, jobId);
        UUID org = caller.organizationId();
        return details(org, job, generations.items(org, jobId), generations.countByStatus(org, jobId));
    }

    public Page<GenerationJob> list(Caller caller, String status, PageRequest page) {
        GenerationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = GenerationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidFilter("status must be queued, processing, completed, failed or cancelled");
            }
        }
        return generations.listJobs(caller.organizationId(), wanted, page);
    }

    /**
     * Stops the job: queued and running items are cancelled (a worker still busy with one drops its
     * result); finished items keep their models. A cancelled item gives back what it was counted for (the month's
     * generation, and for a fal job its fal budget) as a failed one does ({@link GenerationItem#givesBackItsCount}): a
     * local job's always, nothing was made of it; a fal job's only if FAL was never reached (no worker had taken it, or an
     * outage stopped its worker before it called FAL), since one a worker took otherwise may have been submitted to FAL,
     * which charges for it.
     */
    public JobDetails cancel(Caller caller, UUID jobId) {
        UUID org = caller.organizationId();
        GenerationJob job = generations.lockJob(org, jobId).orElseThrow(() -> DomainException.notFound("Generation job"));
        if (job.getStatus().isFinal()) {
            throw DomainException.conflict("job_finished", "The job is already " + WireName.of(job.getStatus()));
        }
        List<GenerationItem> items = generations.lockItems(org, jobId);
        // Under the items' locks, which a worker's claim also takes: an item still queued here was never taken.
        quota.giveBack(job, items);
        items.stream().filter(i -> !i.getStatus().isFinal()).forEach(GenerationItem::cancel);
        job.settle(GenerationStatus.CANCELLED);
        generations.flush();
        var counts = generations.countByStatus(org, jobId);
        finished.announce(job, counts);
        ApplicationMetric.GENERATION_JOBS_CANCELLED.counter(metrics).inc();
        return details(org, job, items, counts);
    }

    /**
     * Queues a failed item again (a new, deliberate attempt: the client's decision, never an automatic one). A new attempt
     * is a new generation, paid for again with the fal provider: it counts against this month's quotas and needs the fal
     * grant as a new item would, and is refused like one, with nothing changed. Its job's event stream hears of it, so a
     * stream that ended on the job's {@code completed} event is not taken for one of a job still finished.
     */
    public JobDetails retry(Caller caller, UUID jobId, UUID itemId) {
        UUID org = caller.organizationId();
        GenerationJob job = generations.lockJob(org, jobId).orElseThrow(() -> DomainException.notFound("Generation job"));
        GenerationItem item = generations.findItem(org, jobId, itemId).orElseThrow(() -> DomainException.notFound("Generation item"));
        if (job.getStatus() == GenerationStatus.CANCELLED) {
            throw DomainException.conflict("job_cancelled", "The job was cancelled");
        }
        if (item.getStatus() != GenerationStatus.FAILED) {
            throw DomainException.conflict("item_not_failed", "Only a failed item can be retried; this one is "
                    + WireName.of(item.getStatus()));
        }
        if (media.findLive(org, item.getSourceMediaId()).isEmpty()) {
            throw DomainException.conflict("source_deleted", "The item's source image was deleted");
        }
        // Like a new job's admission: the counter row stays locked until the commit, and a refusal rolls it all back.
        LocalDate counted = quota.admit(org, job.getProvider(), 1);
        broker.require();
        item.requeue();
        item.countedIn(counted);
        job.reopen();
        generations.flush();
        queue.send(item, job.getPriority());
        events.publish(org, jobId, JobEvent.requeued(item));
        ApplicationMetric.GENERATION_ITEMS_RETRIED.counter(metrics).inc();
        return details(org, job, generations.items(org, jobId), generations.countByStatus(org, jobId));
    }

    /** The item's GLB ({@code preview = false}) or preview, through the media layer's download. */
    public Download download(Caller caller, UUID jobId, UUID itemId, boolean preview, Boolean redirect) {
        findJob(caller, jobId);
        GenerationItem item = generations.findItem(caller.organizationId(), jobId, itemId)
                .orElseThrow(() -> DomainException.notFound("Generation item"));
        UUID mediaId = preview ? item.getPreviewMediaId() : item.getModelMediaId();
        if (mediaId == null) {
            throw DomainException.conflict("not_generated", item.getStatus() == GenerationStatus.COMPLETED
                    ? "This item has no " + (preview ? "preview" : "model")
                    : "The item is " + WireName.of(item.getStatus()) + "; its model is not there yet");
        }
        return mediaService.download(caller, mediaId, redirect);
    }

    /**
     * The finished models of a job and their previews (under {@code previews/}), named by position and source name, for
     * streaming into a ZIP, with the manifest of every item: finished, failed (with its reason), or not there yet.
     */
    public GenerationArchive archive(Caller caller, UUID jobId) {
        GenerationJob job = findJob(caller, jobId);
        UUID org = caller.organizationId();
        List<ArchiveEntry> files = new ArrayList<>();
        JsonArrayBuilder manifest = Jsonp.createArrayBuilder();
        for (GenerationItem item : generations.items(org, jobId)) {
            MediaResource source = media.findLive(org, item.getSourceMediaId()).orElse(null);
            String sourceName = source == null ? null : source.getOriginalName();
            JsonObjectBuilder listed = Jsonp.createObjectBuilder().add("position", item.getPosition())
                    .add("status", WireName.of(item.getStatus()));
            if (sourceName != null) {
                listed.add("source", sourceName);
            }
            if (item.getError() != null) {
                listed.add("error", item.getError());
            }
            MediaResource model = item.getStatus() != GenerationStatus.COMPLETED || item.getModelMediaId() == null
                    ? null
                    : media.findLive(org, item.getModelMediaId()).orElse(null);
            if (model != null) {
                ArchiveEntry modelFile = new ArchiveEntry(ArchiveNames.model(item.getPosition(), sourceName), model);
                files.add(modelFile);
                listed.add("model", modelFile.name());
                // The rendered picture beside it: what a person browsing the unpacked folder looks at first.
                if (item.getPreviewMediaId() != null) {
                    media.findLive(org, item.getPreviewMediaId()).ifPresent(preview -> {
                        ArchiveEntry previewFile = new ArchiveEntry(
                                ArchiveNames.preview(item.getPosition(), sourceName, preview.getMediaType()), preview);
                        files.add(previewFile);
                        listed.add("preview", previewFile.name());
                    });
                }
            }
            manifest.add(listed);
        }
        if (files.isEmpty()) {
            throw DomainException.conflict("no_models", "No model of this job is finished yet");
        }
        return new GenerationArchive(Jsonp.createObjectBuilder().add("job", job.getId().toString())
                .add("status", WireName.of(job.getStatus())).add("items", manifest).build(), files);
    }

    private JobDetails details(UUID org, GenerationJob job, List<GenerationItem> items, Map<GenerationStatus, Long> counts) {
        return new JobDetails(job, items, counts,
                media.originalNames(org, items.stream().map(GenerationItem::getSourceMediaId).collect(Collectors.toSet())));
    }

    private GenerationJob findJob(Caller caller, UUID jobId) {
        return generations.findJob(caller.organizationId(), jobId).orElseThrow(() -> DomainException.notFound("Generation job"));
    }
}
