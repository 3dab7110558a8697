package app.arv.media;

import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.protection.Quotas;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An organization's media library. Uploads are all-or-nothing: every file of a request is checked
 * before anything is stored, so one bad file refuses the request and leaves nothing behind.
 */
@Stateless
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class.getName());

    @Inject
    MediaRepository media;

    @Inject
    MediaIntake intake;

    @Inject
    MediaDisposal disposal;

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

    /** {@code redirect}: S3 downloads answer 302 to a presigned URL; {@code proxy}: ARV streams them. */
    @Inject
    @ConfigProperty(name = "arv.media.s3-download", defaultValue = "redirect")
    String s3Download;

    @Inject
    @ConfigProperty(name = "arv.media.download-url-ttl", defaultValue = "PT5M")
    String downloadUrlTtl;

    public List<MediaResource> upload(Caller caller, List<SpooledFile> files) {
        if (files.isEmpty()) {
            throw DomainException.invalid("no_files", "Send one or more files in the multipart field 'files'");
        }
        if (files.size() > rules.maxFiles()) {
            throw tooManyFiles(rules.maxFiles());
        }
        UUID org = caller.organizationId();
        quotas.admitStoredBytes(org, newBytes(org, files));
        List<InspectedImage> inspected = new ArrayList<>();
        try {
            for (SpooledFile file : files) {
                // Known bytes were checked when they first arrived; only new content is decoded.
                inspected.add(media.findLiveBySha256(org, file.sha256()).isPresent() ? null : refusing(file));
            }
            return store(org, files, inspected);
        } finally {
            inspected.stream().filter(i -> i != null).forEach(InspectedImage::close);
        }
    }

    /** Bytes of the files whose content the organization does not store yet (each distinct content once). */
    private long newBytes(UUID org, List<SpooledFile> files) {
        var seen = new java.util.HashSet<String>();
        return files.stream().filter(f -> seen.add(f.sha256()) && media.findLiveBySha256(org, f.sha256()).isEmpty())
                .mapToLong(SpooledFile::size).sum();
    }

    private InspectedImage refusing(SpooledFile file) {
        try {
            return inspector.inspect(file);
        } catch (DomainException e) {
            metrics.counter("arv_media_refused").inc();
            throw e;
        }
    }

    private List<MediaResource> store(UUID org, List<SpooledFile> files, List<InspectedImage> inspected) {
        StorageTarget target = stores.currentTarget(org);
        List<String> written = new ArrayList<>();
        try {
            List<MediaResource> stored = new ArrayList<>();
            // Content locks in one global order, so two uploads sharing files can't deadlock each other.
            files.stream().map(SpooledFile::sha256).sorted().distinct().forEach(sha -> media.claimContent(org, sha));
            for (int i = 0; i < files.size(); i++) {
                SpooledFile file = files.get(i);
                // Looked up again: the same bytes may occur twice in one request.
                var existing = media.claimContent(org, file.sha256());
                MediaResource resource = existing.isPresent() ? existing.get()
                        : intake.register(org, target, file, inspected.get(i), UUID.randomUUID(), null, written);
                if (existing.isPresent()) {
                    metrics.counter("arv_media_deduplicated").inc();
                }
                intake.addToLibrary(resource);
                stored.add(resource);
            }
            media.flush();
            return stored;
        } catch (RuntimeException e) {
            // The transaction rolls back; the objects written so far must go with it.
            written.forEach(key -> deleteQuietly(target, key));
            throw e;
        }
    }

    public Page<MediaResource> list(Caller caller, PageRequest page) {
        return media.listUploads(caller.organizationId(), page);
    }

    public MediaDetails get(Caller caller, UUID id) {
        MediaResource resource = find(caller, id);
        return new MediaDetails(resource, media.attachedTo(caller.organizationId(), MediaAttachment.MEDIA, id, MediaRole.THUMBNAIL));
    }

    /**
     * @param redirect the client's choice ({@code false}: stream through ARV, e.g. for clients that
     *                 cannot follow a cross-origin redirect), or {@code null} for {@code arv.media.s3-download}
     */
    public Download download(Caller caller, UUID id, Boolean redirect) {
        MediaResource resource = find(caller, id);
        StorageTarget target = stores.target(caller.organizationId(), resource.getStorageConnectionId());
        boolean redirects = redirect != null ? redirect : "redirect".equalsIgnoreCase(s3Download.strip());
        if (target.store().presigns() && redirects) {
            try {
                return new Download(resource, target, target.store().presignedGet(resource.getStorageKey(),
                        Duration.parse(downloadUrlTtl)));
            } catch (StorageFailure e) {
                throw MediaIntake.unavailable(e);
            }
        }
        return new Download(resource, target, null);
    }

    /**
     * Takes the resource out of the organization's library. When nothing else uses it, it is
     * retired and its object deletion owed; the caller attempts those deletions after commit.
     *
     * @return ids of the object deletions now owed
     */
    public List<UUID> delete(Caller caller, UUID id) {
        MediaResource resource = find(caller, id);
        UUID org = caller.organizationId();
        MediaAttachment inLibrary = media.findAttachment(org, id, MediaAttachment.UPLOAD, org, MediaRole.SOURCE_IMAGE)
                .orElseThrow(() -> DomainException.conflict("media_not_in_library",
                        "This media was not uploaded to the library (it is derived from or used by another item)"));
        media.detach(inLibrary);
        return disposal.disposeIfUnused(resource, Instant.now());
    }

    private MediaResource find(Caller caller, UUID id) {
        return media.findLive(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Media"));
    }

    public static DomainException tooManyFiles(int max) {
        return new DomainException(413, "too_many_files", "At most " + max + " files can be uploaded in one request");
    }

    private static void deleteQuietly(StorageTarget target, String key) {
        try {
            target.store().delete(key);
        } catch (RuntimeException e) {
            // Not recorded anywhere else: say so, so an operator can find the object.
            LOG.log(Level.WARNING, "Could not remove " + key + " after a failed upload; it is now an untracked object", e);
        }
    }
}
