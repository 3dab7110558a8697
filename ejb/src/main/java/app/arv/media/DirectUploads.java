package app.arv.media;

import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.media.MediaUploadRepository;
import app.arv.protection.LimitExceeded;
import app.arv.protection.Quotas;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectInfo;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageKeys;
import app.arv.storage.StorageTarget;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Uploads that go from the client straight to an S3 store with a presigned PUT, so large files
 * never pass through ARV on the way in. The client announces size and SHA-256, puts the bytes to an
 * upload key of their own, then asks ARV to complete: ARV reads the object back and checks size,
 * hash, type and image rules exactly as for a multipart upload. A mismatch deletes the object and
 * answers 422; the upload then has to be started again. Trouble of ARV's own (every decode slot busy, the
 * store failing while it sends the object) answers 503 and keeps the object: completing again may succeed.
 * <p>
 * Verified bytes are copied (inside the store) to a key the presigned URL cannot reach, so what was
 * checked is what stays; the upload key is deleted, and whatever a client still PUTs there goes with
 * the upload row when its URL expires ({@link OrphanScan}). Completions of one upload take turns on
 * its row: a second one answers the first's result. All store I/O happens outside transactions.
 */
@Stateless
public class DirectUploads {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    Quotas quotas;

    @Inject
    MediaUploadRepository uploads;

    @Inject
    MediaRepository media;

    @Inject
    MediaIntake intake;

    @Inject
    ObjectStores stores;

    @Inject
    UploadRules rules;

    @Inject
    ImageInspector inspector;

    @Inject
    Spool spool;

    @Inject
    StagedObjects stagedObjects;

    @Resource
    SessionContext context;

    @Inject
    LifecycleRules lifecycle;

    /** An announced upload and where to PUT its bytes. */
    public record Started(MediaUpload upload, URI url) {
    }

    public Started start(Caller caller, String fileName, long size, String sha256) {
        UUID org = caller.organizationId();
        StorageTarget target = stores.currentTarget(org);
        if (!target.store().presigns()) {
            throw DomainException.conflict("direct_upload_unavailable",
                    "The organization's storage cannot take direct uploads; POST the files to /media instead");
        }
        if (size > rules.maxFileBytes()) {
            throw DomainException.fileTooLarge(fileName, rules.maxFileBytes());
        }
        String hash = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw DomainException.invalid("sha256_invalid", "sha256 must be 64 hexadecimal digits");
        }
        if (media.findLiveBySha256(org, hash).isEmpty()) {
            // Refused before the client sends anything; checked again, under the lock, at completion, with the
            // thumbnails made of it then.
            quotas.admitStoredBytes(org, size);
        }
        UUID id = UUID.randomUUID();
        Duration ttl = lifecycle.uploadUrlTtl();
        MediaUpload upload = uploads.add(new MediaUpload(id, org, target.connectionId(), StorageKeys.upload(target.prefix(), id),
                FileNames.sanitize(fileName), size, hash, Instant.now().plus(ttl)));
        try {
            // Signed locally (the region is known): no request to the store.
            return new Started(upload, target.store().presignedPut(upload.getStorageKey(), ttl));
        } catch (StorageFailure e) {
            throw MediaStore.unavailable(e);
        }
    }

    /** An announced upload of the caller's organization (404 for another's or an unknown one). */
    public MediaUpload find(Caller caller, UUID uploadId) {
        return uploads.find(caller.organizationId(), uploadId).orElseThrow(() -> DomainException.notFound("Upload"));
    }

    /**
     * Verifies the uploaded object and registers it; any mismatch deletes the object and answers 422, while a 503
     * (busy, storage unavailable) keeps it for another try. Completing a completed upload answers the media it became.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaResource complete(Caller caller, UUID uploadId) {
        UUID org = caller.organizationId();
        MediaUpload upload = uploads.find(org, uploadId).orElseThrow(() -> DomainException.notFound("Upload"));
        if (upload.isCompleted()) {
            return completedAs(upload);
        }
        StorageTarget target = stores.target(org, upload.getStorageConnectionId());
        String key = upload.getStorageKey();
        Verified staged;
        try {
            staged = verifyAndStage(org, target, upload);
        } catch (RuntimeException e) {
            // A concurrent completion may have taken the object away from under this one: its result is the answer.
            return uploads.find(org, uploadId).filter(MediaUpload::isCompleted).map(this::completedAs).orElseThrow(() -> e);
        }
        try {
            MediaResource resource = self().register(org, uploadId, staged.resource(), staged.intake(), target);
            StagedObjects.deleteQuietly(target, List.of(key));
            return resource;
        } catch (LimitExceeded e) {
            // Past the stored-bytes quota: the upload is refused for good, so its object goes at once.
            StagedObjects.deleteQuietly(target, List.of(key));
            throw e;
        } finally {
            if (staged.intake() != null) {
                staged.intake().image().close();
            }
            staged.file().close();
        }
    }

    /** A verified upload: its spooled bytes, and (new content) the objects written for it. */
    private record Verified(SpooledFile file, MediaResource resource, MediaIntake.Staged intake) {
    }

    private Verified verifyAndStage(UUID org, StorageTarget target, MediaUpload upload) {
        String key = upload.getStorageKey();
        if (upload.getExpiresAt().isBefore(Instant.now())) {
            throw refuse(target, key, "upload_expired", "The upload URL expired; start a new upload");
        }
        ObjectInfo object = stat(target, key).orElseThrow(() -> DomainException.invalid("upload_missing",
                "Nothing was uploaded for this upload yet: PUT the file to the upload URL first"));
        if (object.size() != upload.getDeclaredSize()) {
            throw refuse(target, key, "upload_size_mismatch", "The uploaded object has " + object.size()
                    + " bytes, not the " + upload.getDeclaredSize() + " announced");
        }
        SpooledFile file = readBack(target, key, upload);
        try {
            if (!file.sha256().equals(upload.getDeclaredSha256())) {
                throw refuse(target, key, "upload_hash_mismatch", "The uploaded object's SHA-256 is not the one announced");
            }
            InspectedImage image;
            try {
                image = inspector.inspect(file);
            } catch (DomainException e) {
                throw refusal(target, key, e);
            }
            MediaResource known = media.findLiveBySha256(org, file.sha256()).orElse(null);
            if (known != null) {
                image.close();
                return new Verified(file, known, null);
            }
            try {
                UUID id = UUID.randomUUID();
                String verifiedKey = target.mediaKey(id);
                stagedObjects.write(org, target, verifiedKey, () -> copy(target, key, verifiedKey));
                return new Verified(file, null, intake.stage(org, target, file, image, id, verifiedKey));
            } catch (RuntimeException e) {
                image.close();
                throw e;
            }
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Records the verified upload under its row's lock: a completion that got here first wins, and
     * this one answers its result (what it staged goes again).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MediaResource register(UUID org, UUID uploadId, MediaResource known, MediaIntake.Staged staged, StorageTarget target) {
        List<String> redundant = new ArrayList<>();
        List<String> keys = staged == null ? List.of() : staged.keys();
        stagedObjects.settleAfterTransaction(org, target, keys, redundant);
        MediaUpload upload = uploads.lock(org, uploadId).orElseThrow(() -> DomainException.notFound("Upload"));
        if (upload.isCompleted()) {
            redundant.addAll(keys);
            return completedAs(upload);
        }
        String sha256 = staged != null ? staged.file().sha256() : known.getSha256();
        // New bytes (the verified copy and its thumbnails), under their content locks; in this transaction: the
        // organization's storage lock is held until the record commits.
        quotas.admitStoredBytes(org, intake.claimNewBytes(org, List.of(sha256), staged == null ? List.of() : List.of(staged)));
        Optional<MediaResource> held = media.claimContent(org, sha256);
        // Stored once per organization: the verified copy is redundant when the bytes are recorded by now.
        MediaResource resource = intake.heldOrRecorded(held, org, target, staged, redundant).orElseThrow(() -> DomainException
                .conflict("media_changed", "The library's copy of these bytes was deleted meanwhile; complete again"));
        intake.addToLibrary(resource);
        upload.complete(resource.getId());
        return resource;
    }

    private MediaResource completedAs(MediaUpload upload) {
        return media.findLive(upload.getOrganizationId(), upload.getCompletedMediaId())
                .orElseThrow(() -> DomainException.notFound("Upload"));
    }

    private DirectUploads self() {
        return context.getBusinessObject(DirectUploads.class);
    }

    private static void copy(StorageTarget target, String from, String to) {
        try {
            target.store().copy(from, to);
        } catch (StorageFailure e) {
            throw MediaStore.unavailable(e);
        }
    }

    private SpooledFile readBack(StorageTarget target, String key, MediaUpload upload) {
        try (InputStream in = target.store().open(key, null)) {
            // The client's bytes arrived whole (the store has them): a read that breaks off is the store's failure.
            return spool.take(upload.getOriginalName(), in, rules.maxFileBytes(),
                    () -> DomainException.storageUnavailable("The uploaded object could not be read back completely"));
        } catch (StorageFailure e) {
            throw MediaStore.unavailable(e);
        } catch (DomainException e) {
            throw refusal(target, key, e);
        } catch (IOException e) {
            throw DomainException.storageUnavailable("The uploaded object could not be read back");
        }
    }

    private static Optional<ObjectInfo> stat(StorageTarget target, String key) {
        try {
            return target.store().stat(key);
        } catch (StorageFailure e) {
            throw MediaStore.unavailable(e);
        }
    }

    /** A problem with the uploaded file refuses it (422, the object goes); a failure of ARV's own (5xx) stays as it is. */
    private static DomainException refusal(StorageTarget target, String key, DomainException e) {
        return e.status() >= 500 ? e : refuse(target, key, e.code(), e.getMessage());
    }

    private static DomainException refuse(StorageTarget target, String key, String code, String message) {
        // The row stays until its URL expires (a new PUT may follow); the scan then removes whatever is there.
        StagedObjects.deleteQuietly(target, List.of(key));
        return DomainException.invalid(code, message);
    }
}
