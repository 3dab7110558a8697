package app.arv.media;

import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.protection.Quotas;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import app.arv.storage.ByteRange;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's stored files as their owners see them: files written once per content hash
 * (compiled {@code .mind} targets, overlays, generated models and previews — library uploads come in
 * through {@link MediaIntake}), attached to an owner under a role, read back, and released when the
 * owner lets go. Writing happens before the transaction that records it ({@link #stageBytes} then
 * {@link #record}), so a slow store holds no database connection; a client's overlay that races a retired copy of its
 * bytes is the one write inside ({@link #storeFile}). Releasing retires what nothing else uses
 * ({@link MediaDisposal}); its object deletions are attempted once the transaction has committed.
 */
@ApplicationScoped
public class MediaStore {

    @Inject
    MediaRepository media;

    @Inject
    ObjectStores stores;

    @Inject
    Quotas quotas;

    @Inject
    StagedObjects stagedObjects;

    @Inject
    MediaDisposal disposal;

    /** A file written to the organization's current store and not recorded yet ({@link #stageBytes}, {@link #record}). */
    public record StagedFile(UUID organizationId, StorageTarget target, UUID id, String key, String sha256, long size,
            String mediaType, String name, Integer width, Integer height) {
    }

    /**
     * A client's file (an overlay): held to the organization's stored-bytes quota unless the content is
     * stored already. The spooled file is not needed afterwards: a local store may move it.
     */
    public MediaResource storeFile(UUID org, Path file, long size, String sha256, String mediaType, String name) {
        Optional<MediaResource> existing = media.claimContent(org, sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        quotas.admitStoredBytes(org, size);
        StorageTarget target = stores.currentTarget(org);
        UUID id = UUID.randomUUID();
        String key = target.mediaKey(id);
        stagedObjects.write(org, target, key, () -> put(target, key, file, mediaType));
        return record(new StagedFile(org, target, id, key, sha256, size, mediaType, name, null, null));
    }

    /**
     * Writes the bytes under a fresh key; nothing is recorded. Meant for callers outside transactions
     * (a slow store must not hold a database connection): {@link #record} then takes it in a short one.
     */
    public StagedFile stageBytes(UUID org, byte[] bytes, String mediaType, String name, Integer width, Integer height) {
        StorageTarget target = stores.currentTarget(org);
        UUID id = UUID.randomUUID();
        String key = target.mediaKey(id);
        stagedObjects.write(org, target, key, () -> {
            try {
                target.store().put(key, new ByteArrayInputStream(bytes), bytes.length, mediaType);
            } catch (StorageFailure e) {
                throw unavailable(e);
            }
        });
        return new StagedFile(org, target, id, key, Sha256.hex(bytes), bytes.length, mediaType, name, width, height);
    }

    /**
     * {@link #stageBytes} for a file spooled to disk (a provider's model, up to hundreds of megabytes), which never
     * passes through the heap whole. The spooled file is not needed afterwards: a local store may move it.
     */
    public StagedFile stageFile(UUID org, SpooledFile file, String mediaType, String name) {
        StorageTarget target = stores.currentTarget(org);
        UUID id = UUID.randomUUID();
        String key = target.mediaKey(id);
        stagedObjects.write(org, target, key, () -> put(target, key, file.path(), mediaType));
        return new StagedFile(org, target, id, key, file.sha256(), file.size(), mediaType, name, null, null);
    }

    /**
     * Writes a file under a key; a store that fails is 503 {@code storage_unavailable}, one that refuses the connection's
     * settings 502 {@code storage_misconfigured} ({@link StorageFailure#problem}).
     */
    static void put(StorageTarget target, String key, Path file, String mediaType) {
        try {
            // The file is not needed afterwards: a local store may move it instead of copying.
            target.store().putFile(key, file, mediaType);
        } catch (StorageFailure e) {
            throw unavailable(e);
        }
    }

    static DomainException unavailable(StorageFailure e) {
        return e.problem("The storage did not accept the file: ");
    }

    /**
     * A read of {@code what} that failed part-way ({@link #readAll}: the store stalled, dropped the connection or sent more
     * than the object has) as the client's problem: 503 {@code storage_unavailable} with Retry-After, temporary like a
     * store that cannot be reached. Only a generic reason: what the remote sent stays out of the answer.
     */
    public static DomainException stoppedSending(String what, IOException e) {
        return DomainException.storageUnavailable("The storage stopped sending " + what
                + (e instanceof InterruptedIOException ? " (timed out)" : " (the connection broke off)"));
    }

    /**
     * Records a staged file in the caller's transaction. Content the organization already has wins
     * (the staged object goes after commit); if the transaction rolls back, the staged object goes.
     *
     * @throws DomainException 409 {@code storage_connection_changed} when the connection it was written through was moved
     *                         or deleted meanwhile ({@link ObjectStores#holdUnmoved})
     */
    public MediaResource record(StagedFile staged) {
        return record(staged, false);
    }

    /**
     * A client's file (an overlay) written by {@link #stageFile} outside any transaction, recorded in the caller's: held
     * to the organization's stored-bytes quota unless the content is stored already (then the staged copy goes after
     * the commit). The quota's lock is taken only now, so a slow store holds up no other upload of the organization;
     * refused, the rollback removes the staged file.
     */
    public MediaResource recordClientFile(StagedFile staged) {
        return record(staged, true);
    }

    private MediaResource record(StagedFile staged, boolean heldToQuota) {
        List<String> redundant = new ArrayList<>();
        stagedObjects.settleAfterTransaction(staged.organizationId(), staged.target(), List.of(staged.key()), redundant);
        Optional<MediaResource> existing = media.claimContent(staged.organizationId(), staged.sha256());
        if (existing.isPresent()) {
            redundant.add(staged.key());
            return existing.get();
        }
        if (heldToQuota) {
            quotas.admitStoredBytes(staged.organizationId(), staged.size());
        }
        // The row will name the connection: it must still point where the object was written (else 409, and the rollback removes it).
        stores.holdUnmoved(staged.organizationId(), staged.target());
        stagedObjects.recorded(staged.organizationId(), List.of(staged.key()));
        return media.add(new MediaResource(staged.id(), staged.organizationId(), staged.sha256(), staged.size(),
                staged.mediaType(), FileNames.sanitize(staged.name()), staged.width(), staged.height(),
                staged.target().connectionId(), staged.key()));
    }

    /** The staged files will not be recorded: they go once the caller's transaction ends. */
    public void discard(StagedFile... staged) {
        for (StagedFile file : staged) {
            if (file != null) {
                stagedObjects.settleAfterTransaction(file.organizationId(), file.target(), List.of(file.key()),
                        List.of(file.key()));
            }
        }
    }

    /** Removes staged files now (their recording was never attempted). Call it outside transactions. */
    public void discardNow(StagedFile... staged) {
        for (StagedFile file : staged) {
            if (file != null) {
                stagedObjects.removeQuietly(file.organizationId(), file.target(), List.of(file.key()));
            }
        }
    }

    /**
     * After a recording of the staged files failed: removes now those it did not record, and keeps those it did — its
     * failure may have reached the caller after it committed ({@link StagedObjects#removeUnrecorded}). Call it outside
     * transactions.
     */
    public void discardUnrecorded(StagedFile... staged) {
        for (StagedFile file : staged) {
            if (file != null) {
                stagedObjects.removeUnrecorded(file.organizationId(), file.target(), List.of(file.key()));
            }
        }
    }

    /** Attaches (idempotently) and returns the attachments this one replaces in that role, still in place. */
    public List<MediaAttachment> attachInstead(MediaResource resource, OwnerKind kind, UUID ownerId, MediaRole role) {
        UUID org = resource.getOrganizationId();
        List<MediaAttachment> previous = media.attachedTo(org, kind, ownerId, role).stream()
                .filter(r -> !r.getId().equals(resource.getId()))
                .flatMap(r -> media.findAttachment(org, r.getId(), kind, ownerId, role).stream())
                .toList();
        attach(resource, kind, ownerId, role);
        return previous;
    }

    /**
     * Attaching is idempotent. A resource retired by another transaction since the caller found it is not found
     * (404): its object is about to be deleted.
     */
    public void attach(MediaResource resource, OwnerKind kind, UUID ownerId, MediaRole role) {
        if (!media.holdContent(resource)) {
            throw DomainException.notFound("Media");
        }
        media.attach(new MediaAttachment(resource.getOrganizationId(), resource.getId(), kind, ownerId, role));
    }

    /** The owner lets go of one resource, which is retired if nothing else uses it. */
    public void release(MediaAttachment attachment) {
        media.detach(attachment);
        media.findLive(attachment.getOrganizationId(), attachment.getResourceId())
                .ifPresent(resource -> disposal.disposeIfUnused(resource, Instant.now()));
    }

    /**
     * Everything the owner holds is let go (the owner is going away); what nothing else uses is retired.
     *
     * @return how many resources were retired, with what they held in turn (thumbnails)
     */
    public int releaseAll(UUID org, OwnerKind kind, UUID ownerId) {
        Instant now = Instant.now();
        int retired = 0;
        for (UUID held : media.detachAllOf(org, kind, ownerId)) {
            Optional<MediaResource> resource = media.findLive(org, held);
            if (resource.isPresent()) {
                retired += disposal.disposeIfUnused(resource.get(), now);
            }
        }
        return retired;
    }

    public Optional<MediaResource> live(UUID org, UUID id) {
        return id == null ? Optional.empty() : media.findLive(org, id);
    }

    /**
     * The resource's bytes, read whole — at most one byte more than it has: a store (an organization's own S3 endpoint)
     * that sends without end must not fill the node's heap.
     *
     * @throws IOException when the store breaks off, or sends more than the recorded size
     */
    public byte[] readAll(MediaResource resource) throws IOException {
        try (InputStream in = open(resource)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, resource.getSizeBytes() + 1)));
            if (bytes.length > resource.getSizeBytes()) {
                throw new IOException("the storage sent more than the " + resource.getSizeBytes() + " bytes of media "
                        + resource.getId());
            }
            return bytes;
        }
    }

    public InputStream open(MediaResource resource) {
        return open(resource, null);
    }

    /**
     * Whether the store still has the resource's object: asked after a read failed, to tell an object gone for good from
     * a store that is away.
     *
     * @throws DomainException 503 {@code storage_unavailable} when the store cannot say
     */
    public boolean stillStored(MediaResource resource) {
        StorageTarget target = stores.target(resource.getOrganizationId(), resource.getStorageConnectionId());
        try {
            return target.store().stat(resource.getStorageKey()).isPresent();
        } catch (StorageFailure e) {
            throw e.problem("The storage could not be read: ");
        }
    }

    /** One byte range of the resource's bytes, read by the store itself ({@code range} {@code null} for all of them). */
    public InputStream open(MediaResource resource, ByteRange range) {
        StorageTarget target = stores.target(resource.getOrganizationId(), resource.getStorageConnectionId());
        try {
            return target.store().open(resource.getStorageKey(), range);
        } catch (StorageFailure e) {
            throw e.problem("The storage could not be read: ");
        }
    }
}
