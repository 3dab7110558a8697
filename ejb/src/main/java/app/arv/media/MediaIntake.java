package app.arv.media;

import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.platform.ApplicationMetric;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Takes checked files in, in two steps: {@link #stage} writes the objects (outside any transaction:
 * the store may be slow), {@link #record} registers them as resources in the caller's short
 * transaction — one object per distinct content per organization, thumbnails stored as resources of
 * their own and attached to the original.
 */
@ApplicationScoped
public class MediaIntake {

    @Inject
    MediaRepository media;

    @Inject
    MetricRegistry metrics;

    @Inject
    ObjectStores stores;

    @Inject
    StagedObjects stagedObjects;

    /** The objects of one checked file, written and not yet recorded. */
    public record Staged(UUID id, SpooledFile file, InspectedImage image, String key, List<StagedThumbnail> thumbnails) {

        /** Every key written for the file (the original's too when it was already in place: it is the file's now). */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            keys.add(key);
            thumbnails.forEach(t -> keys.add(t.key()));
            return keys;
        }
    }

    public record StagedThumbnail(InspectedImage.Thumbnail thumbnail, UUID id, String key) {
    }

    /**
     * Writes the file and its thumbnails under fresh keys, each owed a deletion from before it is written until
     * {@link #record} takes it on ({@link StagedObjects}). Call it outside transactions. On failure what was written is
     * removed again, the object already in place included, and the answer is 503 {@code storage_unavailable} (a database
     * that cannot be reached fails it before anything is written).
     *
     * @param objectAlreadyAt the key the original already has in the target (owed a deletion by the caller), or
     *                        {@code null} to write it from the spooled file
     */
    public Staged stage(UUID org, StorageTarget target, SpooledFile file, InspectedImage image, UUID id, String objectAlreadyAt) {
        String key = objectAlreadyAt != null ? objectAlreadyAt : target.mediaKey(id);
        List<StagedThumbnail> thumbnails = new ArrayList<>();
        for (InspectedImage.Thumbnail thumbnail : image.thumbnails()) {
            UUID thumbId = UUID.randomUUID();
            thumbnails.add(new StagedThumbnail(thumbnail, thumbId, target.mediaKey(thumbId)));
        }
        Staged staged = new Staged(id, file, image, key, thumbnails);
        List<String> toWrite = staged.keys();
        List<String> written = new ArrayList<>();
        if (objectAlreadyAt != null) {
            // The caller owes the copy's deletion already. It is this file's object now (keys() says so): removed with the
            // rest if staging fails, as nothing else would.
            toWrite.remove(objectAlreadyAt);
            written.add(objectAlreadyAt);
        }
        stagedObjects.journal(org, target, toWrite);
        try {
            if (objectAlreadyAt == null) {
                put(target, key, file.path(), image.mediaType(), written);
            }
            for (StagedThumbnail thumbnail : thumbnails) {
                put(target, thumbnail.key(), thumbnail.thumbnail().file(), "image/jpeg", written);
            }
            return staged;
        } catch (RuntimeException e) {
            stagedObjects.removeQuietly(org, target, written, staged.keys());
            throw e;
        }
    }

    /**
     * Registers a staged file, in the caller's transaction (with its content lock, {@link MediaRepository#claimContent}).
     * 409 {@code storage_connection_changed} when the connection it was written through was moved or deleted meanwhile
     * ({@link ObjectStores#holdUnmoved}).
     * Thumbnails whose content the organization already has are attached as they are.
     *
     * @param redundant receives the staged keys that turned out not to be needed
     */
    public MediaResource record(UUID org, StorageTarget target, Staged staged, List<String> redundant) {
        // The rows will name the connection: it must still point where the files were written (else 409, and the
        // rollback removes them).
        stores.holdUnmoved(org, target);
        SpooledFile file = staged.file();
        InspectedImage image = staged.image();
        List<String> recorded = new ArrayList<>();
        recorded.add(staged.key());
        MediaResource original = media.add(new MediaResource(staged.id(), org, file.sha256(), file.size(), image.mediaType(),
                FileNames.sanitize(file.originalName()), image.width(), image.height(), target.connectionId(), staged.key()));
        for (StagedThumbnail staging : staged.thumbnails()) {
            InspectedImage.Thumbnail thumbnail = staging.thumbnail();
            MediaResource stored = media.claimContent(org, thumbnail.sha256()).map(existing -> {
                redundant.add(staging.key());
                return existing;
            }).orElseGet(() -> {
                recorded.add(staging.key());
                return media.add(new MediaResource(staging.id(), org, thumbnail.sha256(), thumbnail.size(), "image/jpeg",
                        thumbnailName(original.getOriginalName(), thumbnail.longestSide()), thumbnail.width(),
                        thumbnail.height(), target.connectionId(), staging.key()));
            });
            media.attach(new MediaAttachment(org, stored.getId(), OwnerKind.MEDIA, original.getId(), MediaRole.THUMBNAIL));
        }
        // The redundant thumbnails stay owed: their objects go once this commits.
        stagedObjects.recorded(org, recorded);
        ApplicationMetric.MEDIA_STORED.counter(metrics).inc();
        ApplicationMetric.MEDIA_STORED_BYTES.counter(metrics).inc(file.size());
        return original;
    }

    /**
     * Takes a recording's content locks and answers the bytes it will add to the organization's stored bytes, the
     * quota's usage: each staged original and thumbnail whose content the organization does not hold yet, each content
     * once, as {@link #heldOrRecorded} will record them. Called in the recording transaction before the storage lock
     * ({@code Quotas.admitStoredBytes}): every content lock the recording needs, the thumbnails' too, is then taken in
     * one order (of the contents), and none while the storage lock is held, which another recording may wait for
     * holding one of them.
     *
     * @param contents the request's other contents (known when it was checked: held, or deleted since)
     * @param staged   what was written for the new contents, in the order they will be recorded
     */
    public long claimNewBytes(UUID org, Collection<String> contents, Collection<Staged> staged) {
        SortedSet<String> claimed = new TreeSet<>(contents);
        for (Staged s : staged) {
            claimed.add(s.file().sha256());
            s.thumbnails().forEach(t -> claimed.add(t.thumbnail().sha256()));
        }
        // Grows as the recording will go: what a file records is held for the files after it.
        Set<String> held = new HashSet<>();
        for (String sha256 : claimed) {
            if (media.claimContent(org, sha256).isPresent()) {
                held.add(sha256);
            }
        }
        long bytes = 0;
        for (Staged s : staged) {
            // Held: the staged original goes unrecorded, and with it its thumbnails.
            if (held.add(s.file().sha256())) {
                bytes += s.file().size();
                for (StagedThumbnail t : s.thumbnails()) {
                    if (held.add(t.thumbnail().sha256())) {
                        bytes += t.thumbnail().size();
                    }
                }
            }
        }
        return bytes;
    }

    /**
     * The resource holding the bytes, in the recording transaction under their content lock: the one the organization
     * holds by now (what was staged for them is then redundant: another upload recorded the same bytes meanwhile), else
     * {@code staged} recorded ({@link #record}). Empty when there is neither: the bytes were known when the request was
     * checked, so nothing was staged, and were deleted since.
     *
     * @param held      what {@link MediaRepository#claimContent} answered for the bytes, in this transaction
     * @param staged    what was written for the bytes, or {@code null} when they were known then
     * @param redundant receives the staged keys that turned out not to be needed
     */
    public Optional<MediaResource> heldOrRecorded(Optional<MediaResource> held, UUID org, StorageTarget target, Staged staged,
            List<String> redundant) {
        if (held.isPresent()) {
            if (staged != null) {
                redundant.addAll(staged.keys());
            }
            return held;
        }
        return staged == null ? Optional.empty() : Optional.of(record(org, target, staged, redundant));
    }

    /** Puts the resource in the organization's library (idempotent). */
    public void addToLibrary(MediaResource resource) {
        UUID org = resource.getOrganizationId();
        media.attach(new MediaAttachment(org, resource.getId(), OwnerKind.UPLOAD, org, MediaRole.SOURCE_IMAGE));
    }

    private static void put(StorageTarget target, String key, Path file, String type, List<String> written) {
        MediaStore.put(target, key, file, type);
        written.add(key);
    }

    private static String thumbnailName(String original, int side) {
        int dot = original.lastIndexOf('.');
        return (dot > 0 ? original.substring(0, dot) : original) + "-" + side + ".jpg";
    }
}
