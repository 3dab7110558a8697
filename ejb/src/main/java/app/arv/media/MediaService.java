package app.arv.media;

import app.arv.persistence.media.LibraryItem;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.ApplicationMetric;
import app.arv.protection.Quotas;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization's media library. Uploads are all-or-nothing: every file of a request is checked
 * before anything is stored, so one bad file refuses the request and leaves nothing behind.
 */
@Stateless
public class MediaService {

    @Inject
    MediaRepository media;

    @Inject
    MediaIntake intake;

    @Inject
    MediaStore store;

    @Inject
    ImageInspector inspector;

    @Inject
    UploadRules rules;

    @Inject
    ObjectStores stores;

    @Inject
    MetricRegistry metrics;

    @Inject
    Quotas quotas;

    @Inject
    StagedObjects stagedObjects;

    @Resource
    SessionContext context;

    @Inject
    LifecycleRules lifecycle;

    /**
     * Checks and stores the files, all or nothing. The objects are written first, outside any
     * transaction ({@link #stage}); then the caller's transaction records them briefly. Called
     * without a transaction (the {@code /media} endpoint), no database connection is held while the
     * store is written; called inside one, everything staged goes again if it rolls back.
     */
    public List<MediaResource> upload(Caller caller, List<SpooledFile> files) {
        return stored(caller, files, true, ImageShape.ANY);
    }

    /**
     * Checks and stores files an owner brings along for itself (the portrait sent with an AR content), as {@link #upload}
     * does, but outside the library: the caller attaches them to its owner, which alone holds them, so they go when it
     * lets go of them. Bytes the library holds already stay in it.
     */
    public List<MediaResource> uploadFor(Caller caller, List<SpooledFile> files) {
        return uploadFor(caller, files, ImageShape.ANY);
    }

    /**
     * As {@link #uploadFor(Caller, List)}, every file also held to the owner's {@code shape} before anything is stored
     * (one that will not do refuses the request, as any bad file does).
     */
    public List<MediaResource> uploadFor(Caller caller, List<SpooledFile> files, ImageShape shape) {
        return stored(caller, files, false, shape);
    }

    private List<MediaResource> stored(Caller caller, List<SpooledFile> files, boolean intoLibrary, ImageShape shape) {
        if (files.isEmpty()) {
            throw DomainException.invalid("no_files", "Send one or more files in the multipart field 'files'");
        }
        if (files.size() > rules.maxFiles()) {
            throw DomainException.tooManyFiles(rules.maxFiles());
        }
        UUID org = caller.organizationId();
        Staging staging = context.getBusinessObject(MediaService.class).stage(org, files, shape);
        return record(org, files, staging, intoLibrary);
    }

    /** What {@link #stage} wrote: per new content (SHA-256), its objects. */
    public record Staging(StorageTarget target, Map<String, MediaIntake.Staged> bySha256) {

        List<String> keys() {
            return bySha256.values().stream().flatMap(s -> s.keys().stream()).toList();
        }
    }

    /** Inspects every file and holds it to {@code shape}, then writes the new contents' objects; nothing is recorded yet. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Staging stage(UUID org, List<SpooledFile> files, ImageShape shape) {
        List<InspectedImage> inspected = new ArrayList<>();
        StorageTarget target = stores.currentTarget(org);
        Map<String, MediaIntake.Staged> staged = new LinkedHashMap<>();
        try {
            for (SpooledFile file : files) {
                // Known bytes were checked when they first arrived; only new content is decoded.
                Optional<MediaResource> known = media.findLiveBySha256(org, file.sha256());
                InspectedImage image = known.isPresent() ? null : refusing(file);
                inspected.add(image);
                if (image != null) {
                    shape.require(file.originalName(), image.width(), image.height());
                } else if (known.get().getWidth() != null && known.get().getHeight() != null) {
                    shape.require(file.originalName(), known.get().getWidth(), known.get().getHeight());
                }
            }
            for (int i = 0; i < files.size(); i++) {
                SpooledFile file = files.get(i);
                if (inspected.get(i) != null && !staged.containsKey(file.sha256())) {
                    staged.put(file.sha256(), intake.stage(org, target, file, inspected.get(i), UUID.randomUUID(), null));
                }
            }
            return new Staging(target, staged);
        } catch (RuntimeException e) {
            stagedObjects.removeQuietly(org, target, new Staging(target, staged).keys());
            throw e;
        } finally {
            inspected.stream().filter(i -> i != null).forEach(InspectedImage::close);
        }
    }

    private InspectedImage refusing(SpooledFile file) {
        try {
            return inspector.inspect(file);
        } catch (DomainException e) {
            ApplicationMetric.MEDIA_REFUSED.counter(metrics).inc();
            throw e;
        }
    }

    private List<MediaResource> record(UUID org, List<SpooledFile> files, Staging staging, boolean intoLibrary) {
        List<String> redundant = new ArrayList<>();
        // From here on the transaction decides: rolled back, every staged object goes; committed, the redundant ones.
        stagedObjects.settleAfterTransaction(org, staging.target(), staging.keys(), redundant);
        // Content locks (the thumbnails' too) in one global order, so two uploads sharing files can't deadlock each other;
        // taken before the storage lock, as every other recording takes them (a direct upload's, an overlay's), so that no
        // recording waits for the other's lock while holding the one it needs. The new bytes are counted under them:
        // bytes another upload recorded meanwhile are not new any more.
        long newBytes = intake.claimNewBytes(org, files.stream().map(SpooledFile::sha256).toList(), staging.bySha256().values());
        // Checked here, in the recording transaction: the organization's storage lock is then held until it commits,
        // so two uploads can't both take the last of the quota (refused, the rollback removes what was staged).
        quotas.admitStoredBytes(org, newBytes);
        Map<String, MediaResource> bySha256 = new HashMap<>();
        List<MediaResource> stored = new ArrayList<>();
        for (SpooledFile file : files) {
            // Looked up again, each content once (the same bytes may occur twice in one request): another upload may have
            // recorded them meanwhile.
            MediaResource resource = bySha256.get(file.sha256());
            boolean recordedNow = false;
            if (resource == null) {
                MediaIntake.Staged staged = staging.bySha256().get(file.sha256());
                // Empty: known when staged, deleted since; its bytes were not written again.
                resource = intake.heldOrRecorded(media.claimContent(org, file.sha256()), org, staging.target(), staged,
                        redundant)
                        .orElseThrow(() -> DomainException.conflict("media_changed", "'" + file.originalName()
                                + "' was deleted from the library while this upload ran; send the request again"));
                recordedNow = staged != null && resource.getId().equals(staged.id());
                bySha256.put(file.sha256(), resource);
            }
            if (!recordedNow) {
                ApplicationMetric.MEDIA_DEDUPLICATED.counter(metrics).inc();
            }
            if (intoLibrary) {
                intake.addToLibrary(resource);
            }
            stored.add(resource);
        }
        media.flush();
        return stored;
    }

    /** A page of the library, each file with its thumbnails and uses (three queries per page, whatever its size). */
    public Page<MediaDetails> list(Caller caller, PageRequest page) {
        Page<LibraryItem> items = media.listUploads(caller.organizationId(), page);
        Map<UUID, List<MediaResource>> thumbnails = media.thumbnailsOf(caller.organizationId(),
                items.items().stream().map(item -> item.resource().getId()).toList());
        return new Page<>(items.items().stream().map(item -> new MediaDetails(item.resource(),
                thumbnails.getOrDefault(item.resource().getId(), List.of()), item.usedBy())).toList(),
                items.total(), items.limit(), items.offset());
    }

    public MediaDetails get(Caller caller, UUID id) {
        MediaResource resource = find(caller, id);
        return new MediaDetails(resource, media.attachedTo(caller.organizationId(), OwnerKind.MEDIA, id, MediaRole.THUMBNAIL),
                media.usedBy(caller.organizationId(), id));
    }

    /**
     * @param redirect the client's choice ({@code false}: stream through ARV, e.g. for clients that
     *                 cannot follow a cross-origin redirect), or {@code null} for {@code arv.media.s3-download}
     */
    public Download download(Caller caller, UUID id, Boolean redirect) {
        MediaResource resource = find(caller, id);
        StorageTarget target = stores.target(caller.organizationId(), resource.getStorageConnectionId());
        boolean redirects = redirect != null ? redirect : lifecycle.redirectsDownloads();
        if (target.store().presigns() && redirects) {
            try {
                return new Download(resource, target, target.store().presignedGet(resource.getStorageKey(),
                        lifecycle.downloadUrlTtl()));
            } catch (StorageFailure e) {
                throw MediaStore.unavailable(e);
            }
        }
        return new Download(resource, target, null);
    }

    /**
     * Takes the resource out of the organization's library. When nothing else uses it, it is
     * retired; its object is deleted once the transaction has committed. Taken out once, it is not found there again
     * (404), while one that was never in the library (derived from or used by another item) is a 409. Two deletes at
     * once agree with that: the second waits for the first and answers as a later one would.
     */
    public void delete(Caller caller, UUID id) {
        MediaResource resource = find(caller, id);
        UUID org = caller.organizationId();
        // Deletes of one medium take turns: on its content lock first (the order attaching and retiring take it in), then
        // its row read again, so the second sees what the first committed (retired, or out of the library: both 404).
        if (!media.holdContent(resource)) {
            throw DomainException.notFound("Media");
        }
        media.refreshLocked(resource);
        Optional<MediaAttachment> inLibrary = media.findAttachment(org, id, OwnerKind.UPLOAD, org, MediaRole.SOURCE_IMAGE);
        if (inLibrary.isEmpty()) {
            // Deleted from the library before, and live only for the owners that use it: gone, as a retired one is.
            throw resource.hasLeftLibrary()
                    ? DomainException.notFound("Media")
                    : DomainException.conflict("media_not_in_library",
                            "This media was not uploaded to the library (it is derived from or used by another item)");
        }
        resource.markLeftLibrary(Instant.now());
        store.release(inLibrary.get());
    }

    private MediaResource find(Caller caller, UUID id) {
        return media.findLive(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Media"));
    }

}
