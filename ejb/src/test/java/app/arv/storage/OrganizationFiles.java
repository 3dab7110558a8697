package app.arv.storage;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.persistence.storage.StorageConnection;
import app.arv.security.Caller;
import app.arv.security.Callers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An organization with a project and a member, on real PostgreSQL, and the organization's files where a service test
 * wants them: in the platform's local store under the test's data directory, or in a bucket of a store of the test's
 * ({@link MisbehavingS3}). For the tests of what is drawn from stored files (quality pictures, print kits).
 */
public final class OrganizationFiles {

    public final Organization acme;
    public final Project wedding;
    public final Caller member;
    public final TestStores stores;
    private final Path dataDir;

    public OrganizationFiles(Path dataDir) {
        this.dataDir = dataDir;
        stores = new TestStores(dataDir);
        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        wedding = new Project(acme.getId(), "Wedding", null);
        Database.persist(acme, wedding);
        member = Callers.memberOf(acme.getId());
    }

    /** A bucket of the organization's in {@code store}. */
    public StorageConnection bucketAt(MisbehavingS3 store) {
        StorageConnection bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), store.endpoint(), "arv-media",
                "key", "secret");
        Database.persist(bucket);
        return bucket;
    }

    /** A file the organization keeps in that bucket, recorded as its media; what a read of it gets is the store's say. */
    public MediaResource inBucket(StorageConnection bucket, String mediaType, String name) {
        UUID mediaId = UUID.randomUUID();
        MediaResource file = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), MisbehavingS3.PROMISED_BYTES,
                mediaType, name, 640, 480, bucket.getId(), keyOf(mediaId));
        Database.persist(file);
        return file;
    }

    /** {@code bytes} in the platform's local store, recorded as the organization's media. */
    public MediaResource storedLocally(byte[] bytes, String mediaType, String name, Integer width, Integer height) {
        UUID mediaId = UUID.randomUUID();
        String key = keyOf(mediaId);
        Path file = dataDir.resolve("storage").resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaResource media = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), bytes.length, mediaType, name,
                width, height, null, key);
        Database.persist(media);
        return media;
    }

    /** A test image of the class path's, e.g. {@code /images/chelsea.png}. */
    public static byte[] image(String path) {
        try (InputStream in = OrganizationFiles.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String keyOf(UUID mediaId) {
        return "orgs/" + acme.getId() + "/media/" + mediaId;
    }
}
