package app.arv.media;

import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.shared.DomainException;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Registers checked files as resources, in the caller's transaction: one object per distinct
 * content per organization, thumbnails stored as resources of their own and attached to the
 * original. Every key written is reported to {@code written} so a failed request can remove them.
 */
@ApplicationScoped
public class MediaIntake {

    @Inject
    MediaRepository media;

    @Inject
    MetricRegistry metrics;

    /**
     * @param objectAlreadyAt the key the original already has in the target (a direct upload), or
     *                        {@code null} to write it from the spooled file
     */
    public MediaResource register(UUID org, StorageTarget target, SpooledFile file, InspectedImage image, UUID id,
                                  String objectAlreadyAt, List<String> written) {
        String key = objectAlreadyAt != null ? objectAlreadyAt : target.mediaKey(id);
        if (objectAlreadyAt == null) {
            put(target, key, file.path(), file.size(), image.mediaType(), written);
        }
        MediaResource original = media.add(new MediaResource(id, org, file.sha256(), file.size(), image.mediaType(),
                FileNames.sanitize(file.originalName()), image.width(), image.height(), target.connectionId(), key));
        for (InspectedImage.Thumbnail thumbnail : image.thumbnails()) {
            MediaResource stored = media.claimContent(org, thumbnail.sha256()).orElseGet(() -> {
                UUID thumbId = UUID.randomUUID();
                String thumbKey = target.mediaKey(thumbId);
                put(target, thumbKey, thumbnail.file(), thumbnail.size(), "image/jpeg", written);
                return media.add(new MediaResource(thumbId, org, thumbnail.sha256(), thumbnail.size(), "image/jpeg",
                        thumbnailName(original.getOriginalName(), thumbnail.longestSide()), thumbnail.width(),
                        thumbnail.height(), target.connectionId(), thumbKey));
            });
            media.attach(new MediaAttachment(org, stored.getId(), MediaAttachment.MEDIA, original.getId(), MediaRole.THUMBNAIL));
        }
        metrics.counter("arv_media_stored").inc();
        metrics.counter("arv_media_stored_bytes").inc(file.size());
        return original;
    }

    /** Puts the resource in the organization's library (idempotent). */
    public void addToLibrary(MediaResource resource) {
        UUID org = resource.getOrganizationId();
        media.attach(new MediaAttachment(org, resource.getId(), MediaAttachment.UPLOAD, org, MediaRole.SOURCE_IMAGE));
    }

    private static void put(StorageTarget target, String key, Path file, long size, String type, List<String> written) {
        try {
            // The spooled file is not needed afterwards: a local store may move it instead of copying.
            target.store().putFile(key, file, type);
            written.add(key);
        } catch (StorageFailure e) {
            throw unavailable(e);
        }
    }

    static DomainException unavailable(StorageFailure e) {
        return DomainException.storageUnavailable("The storage did not accept the file: " + e.getMessage());
    }

    private static String thumbnailName(String original, int side) {
        int dot = original.lastIndexOf('.');
        return (dot > 0 ? original.substring(0, dot) : original) + "-" + side + ".jpg";
    }
}
