package app.arv.marker;

import app.arv.media.FileNames;
import app.arv.media.Spool;
import app.arv.media.StagedObjects;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.protection.Quotas;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Files AR content owns that are not library images (compiled {@code .mind} targets, overlay
 * videos and models), stored as media resources of the organization (once per content hash, like
 * every media) and attached to the content under their role. Writing can happen before the
 * transaction that records it ({@link #stageBytes} then {@link #record}), or inside it ({@link #storeBytes}).
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

    @Inject
    Quotas quotas;

    @Inject
    StagedObjects stagedObjects;

    /** A file written to the organization's current store and not recorded yet ({@link #stageBytes}, {@link #record}). */
    public record StagedFile(UUID organizationId, StorageTarget target, UUID id, String key, String sha256, long size,
                             String mediaType, String name, Integer width, Integer height) {
    }

    /** Stores and records the bytes in the caller's transaction; known content is not written again. */
    public MediaResource storeBytes(UUID org, byte[] bytes, String mediaType, String name, Integer width, Integer height) {
        String sha256 = HexFormat.of().formatHex(Spool.sha256().digest(bytes));
        Optional<MediaResource> existing = media.claimContent(org, sha256);
        return existing.isPresent() ? existing.get() : record(stageBytes(org, bytes, mediaType, name, width, height));
    }

    /** A client's file (an overlay): held to the organization's stored-bytes quota unless the content is stored already. */
    public MediaResource storeFile(UUID org, Path file, long size, String sha256, String mediaType, String name) {
        Optional<MediaResource> existing = media.claimContent(org, sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        quotas.admitStoredBytes(org, size);
        return record(stageFile(org, file, size, sha256, mediaType, name));
    }

    /**
     * Writes the bytes under a fresh key; nothing is recorded. Meant for callers outside transactions
     * (a slow store must not hold a database connection): {@link #record} then takes it in a short one.
     */
    public StagedFile stageBytes(UUID org, byte[] bytes, String mediaType, String name, Integer width, Integer height) {
        String sha256 = HexFormat.of().formatHex(Spool.sha256().digest(bytes));
        return stage(org, sha256, bytes.length, mediaType, name, width, height, () -> new ByteArrayInputStream(bytes));
    }

    public StagedFile stageFile(UUID org, Path file, long size, String sha256, String mediaType, String name) {
        return stage(org, sha256, size, mediaType, name, null, null, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private StagedFile stage(UUID org, String sha256, long size, String mediaType, String name, Integer width,
                             Integer height, java.util.function.Supplier<InputStream> content) {
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
        return new StagedFile(org, target, id, key, sha256, size, mediaType, name, width, height);
    }

    /**
     * Records a staged file in the caller's transaction. Content the organization already has wins
     * (the staged object goes after commit); if the transaction rolls back, the staged object goes.
     */
    public MediaResource record(StagedFile staged) {
        List<String> redundant = new ArrayList<>();
        stagedObjects.settleAfterTransaction(staged.target(), List.of(staged.key()), redundant);
        Optional<MediaResource> existing = media.claimContent(staged.organizationId(), staged.sha256());
        if (existing.isPresent()) {
            redundant.add(staged.key());
            return existing.get();
        }
        return media.add(new MediaResource(staged.id(), staged.organizationId(), staged.sha256(), staged.size(),
                staged.mediaType(), FileNames.sanitize(staged.name()), staged.width(), staged.height(),
                staged.target().connectionId(), staged.key()));
    }

    /** The staged files will not be recorded: they go once the caller's transaction ends. */
    public void discard(StagedFile... staged) {
        for (StagedFile file : staged) {
            if (file != null) {
                stagedObjects.settleAfterTransaction(file.target(), List.of(file.key()), List.of(file.key()));
            }
        }
    }

    /** Removes staged files now (their recording was never attempted). Call it outside transactions. */
    public void discardNow(StagedFile... staged) {
        for (StagedFile file : staged) {
            if (file != null) {
                StagedObjects.deleteQuietly(file.target(), List.of(file.key()));
            }
        }
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
