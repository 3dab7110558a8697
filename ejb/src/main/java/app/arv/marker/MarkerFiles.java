package app.arv.marker;

import app.arv.media.FileNames;
import app.arv.media.Spool;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Files AR content owns that are not library images (compiled {@code .mind} targets, overlay
 * videos and models), stored as media resources of the organization (once per content hash, like
 * every media) and attached to the content under their role. Runs in the caller's transaction.
 */
@ApplicationScoped
public class MarkerFiles {

    /** The attachment owner kind of AR content. */
    public static final String AR_CONTENT = "AR_CONTENT";

    public static final String MIND_TYPE = "application/octet-stream";

    @Inject
    MediaRepository media;

    @Inject
    ObjectStores stores;

    public MediaResource storeBytes(UUID org, byte[] bytes, String mediaType, String name, Integer width, Integer height) {
        String sha256 = HexFormat.of().formatHex(Spool.sha256().digest(bytes));
        return store(org, sha256, bytes.length, mediaType, name, width, height, () -> new ByteArrayInputStream(bytes));
    }

    public MediaResource storeFile(UUID org, Path file, long size, String sha256, String mediaType, String name) {
        return store(org, sha256, size, mediaType, name, null, null, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private MediaResource store(UUID org, String sha256, long size, String mediaType, String name, Integer width,
                                Integer height, java.util.function.Supplier<InputStream> content) {
        Optional<MediaResource> existing = media.claimContent(org, sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        StorageTarget target = stores.currentTarget(org);
        UUID id = UUID.randomUUID();
        String key = target.mediaKey(id);
        try (InputStream in = content.get()) {
            target.store().put(key, in, size, mediaType);
        } catch (StorageFailure e) {
            throw DomainException.storageUnavailable("The storage did not accept the file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return media.add(new MediaResource(id, org, sha256, size, mediaType, FileNames.sanitize(name), width, height,
                target.connectionId(), key));
    }

    /** Attaches (idempotently) and returns the resources this one replaces in that role. */
    public List<MediaAttachment> attachInstead(MediaResource resource, UUID contentId, MediaRole role) {
        UUID org = resource.getOrganizationId();
        List<MediaAttachment> previous = media.attachedTo(org, AR_CONTENT, contentId, role).stream()
                .filter(r -> !r.getId().equals(resource.getId()))
                .flatMap(r -> media.findAttachment(org, r.getId(), AR_CONTENT, contentId, role).stream())
                .toList();
        if (media.findAttachment(org, resource.getId(), AR_CONTENT, contentId, role).isEmpty()) {
            media.attach(new MediaAttachment(org, resource.getId(), AR_CONTENT, contentId, role));
        }
        return previous;
    }

    public void attach(MediaResource resource, UUID contentId, MediaRole role) {
        attachTo(resource, AR_CONTENT, contentId, role);
    }

    public void attachTo(MediaResource resource, String kind, UUID ownerId, MediaRole role) {
        UUID org = resource.getOrganizationId();
        if (media.findAttachment(org, resource.getId(), kind, ownerId, role).isEmpty()) {
            media.attach(new MediaAttachment(org, resource.getId(), kind, ownerId, role));
        }
    }

    public Optional<MediaResource> live(UUID org, UUID id) {
        return id == null ? Optional.empty() : media.findLive(org, id);
    }

    public InputStream open(MediaResource resource) {
        StorageTarget target = stores.target(resource.getOrganizationId(), resource.getStorageConnectionId());
        try {
            return target.store().open(resource.getStorageKey(), null);
        } catch (StorageFailure e) {
            throw DomainException.storageUnavailable("The storage could not be read: " + e.getMessage());
        }
    }

    public StorageTarget targetOf(MediaResource resource) {
        return stores.target(resource.getOrganizationId(), resource.getStorageConnectionId());
    }
}
