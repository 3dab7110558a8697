package app.arv.media;

import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.media.MediaUploadRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectInfo;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageFailure;
import app.arv.storage.StorageTarget;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Uploads that go from the client straight to an S3 store with a presigned PUT, so large files
 * never pass through ARV on the way in. The client announces size and SHA-256, puts the bytes,
 * then asks ARV to complete: ARV reads the object back and checks size, hash, type and image
 * rules exactly as for a multipart upload. A mismatch deletes the object and answers 422; the
 * upload then has to be started again.
 */
@Stateless
public class DirectUploads {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

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
    @ConfigProperty(name = "arv.media.upload-url-ttl", defaultValue = "PT15M")
    String uploadUrlTtl;

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
            throw new DomainException(413, "file_too_large", "'" + fileName + "' is larger than the limit of "
                    + rules.maxFileBytes() + " bytes");
        }
        String hash = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw DomainException.invalid("sha256_invalid", "sha256 must be 64 hexadecimal digits");
        }
        UUID id = UUID.randomUUID();
        Duration ttl = Duration.parse(uploadUrlTtl);
        MediaUpload upload = uploads.add(new MediaUpload(id, org, target.connectionId(), target.mediaKey(id),
                FileNames.sanitize(fileName), size, hash, Instant.now().plus(ttl)));
        try {
            return new Started(upload, target.store().presignedPut(upload.getStorageKey(), ttl));
        } catch (StorageFailure e) {
            throw MediaIntake.unavailable(e);
        }
    }

    /** Verifies the uploaded object and registers it; any mismatch deletes the object and answers 422. */
    public MediaResource complete(Caller caller, UUID uploadId) {
        UUID org = caller.organizationId();
        MediaUpload upload = uploads.find(org, uploadId).orElseThrow(() -> DomainException.notFound("Upload"));
        StorageTarget target = stores.target(org, upload.getStorageConnectionId());
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
        try (SpooledFile file = readBack(target, key, upload)) {
            if (!file.sha256().equals(upload.getDeclaredSha256())) {
                throw refuse(target, key, "upload_hash_mismatch", "The uploaded object's SHA-256 is not the one announced");
            }
            InspectedImage image;
            try {
                image = inspector.inspect(file);
            } catch (DomainException e) {
                throw refuse(target, key, e.code(), e.getMessage());
            }
            try (image) {
                var existing = media.claimContent(org, file.sha256());
                MediaResource resource;
                List<String> written = new ArrayList<>();
                if (existing.isPresent()) {
                    // Stored once per organization: the direct copy is redundant.
                    deleteQuietly(target, key);
                    resource = existing.get();
                } else {
                    resource = intake.register(org, target, file, image, upload.getId(), key, written);
                }
                intake.addToLibrary(resource);
                uploads.remove(upload);
                return resource;
            }
        }
    }

    private SpooledFile readBack(StorageTarget target, String key, MediaUpload upload) {
        try (InputStream in = target.store().open(key, null)) {
            return spool.take(upload.getOriginalName(), in, rules.maxFileBytes());
        } catch (StorageFailure e) {
            throw MediaIntake.unavailable(e);
        } catch (DomainException e) {
            throw refuse(target, key, e.code(), e.getMessage());
        } catch (IOException e) {
            throw DomainException.storageUnavailable("The uploaded object could not be read back");
        }
    }

    private static java.util.Optional<ObjectInfo> stat(StorageTarget target, String key) {
        try {
            return target.store().stat(key);
        } catch (StorageFailure e) {
            throw MediaIntake.unavailable(e);
        }
    }

    private static DomainException refuse(StorageTarget target, String key, String code, String message) {
        deleteQuietly(target, key);
        return DomainException.invalid(code, message);
    }

    private static void deleteQuietly(StorageTarget target, String key) {
        try {
            target.store().delete(key);
        } catch (StorageFailure ignored) {
            // The upload row stays (the transaction rolls back), and its key is known: nothing untracked remains.
        }
    }
}
