package app.arv.media;

import app.arv.imaging.input.DecodeGate;
import app.arv.imaging.input.ImageHeader;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.ObjectInfo;
import app.arv.storage.ObjectStores;
import app.arv.storage.S3ProxyServer;
import app.arv.storage.StorageKeys;
import app.arv.storage.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Completing a direct upload when ARV itself is in trouble, on real PostgreSQL and a real (or a misbehaving) S3
 * endpoint, without a server: the client's object stays for another try (the refusals of a wrong file are S3StorageIT's).
 */
class DirectUploadsTest {

    private static final UploadRules RULES = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/png"));

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Spool spool;
    private Organization acme;
    private Caller member;

    @BeforeEach
    void anOrganization() {
        stores = new TestStores(dataDir);
        spool = TestSpools.in(dataDir);
        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        Database.persist(acme);
        member = Callers.memberOf(acme.getId());
    }

    @Test
    void aStoreThatBreaksOffWhileSendingTheUploadIsUnavailableForNowAndKeepsIt() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            MediaUpload upload = uploadIn(bucketAt(store.endpoint()), MisbehavingS3.PROMISED_BYTES, TestData.randomSha256());

            Throwable thrown = catchThrowable(() -> complete(upload, new ImageDecoding(RULES, 1, 128L << 20, Duration.ZERO)));

            assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("storage_unavailable");
                assertThat(e.retryAfter()).isPresent();
            });
            assertThat(store.deletions()).as("deletions of the uploaded object").isZero();
        }
    }

    @Test
    void anUploadCompletedWhileEveryDecodeSlotIsTakenIsBusyAndKept() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer(dataDir.resolve("s3"))) {
            s3.createBucket("arv-media");
            StorageConnection bucket = bucketAt(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
            byte[] horse = TestImages.resource("horse.png");
            MediaUpload upload = uploadIn(bucket, horse.length, Sha256.hex(horse));
            stores.inTransaction(beans -> {
                beans.get(ObjectStores.class).target(acme.getId(), bucket.getId()).store()
                        .put(upload.getStorageKey(), new ByteArrayInputStream(horse), horse.length, "image/png");
                return null;
            });
            ImageDecoding decoding = new ImageDecoding(RULES, 1, 128L << 20, Duration.ZERO);
            DecodeGate.Admission elsewhere = decoding.admitWithinWait(new ImageHeader("image/png", 7000, 7000, 64), 1);

            Throwable thrown = catchThrowable(() -> complete(upload, decoding));

            elsewhere.close();
            assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("busy");
                assertThat(e.retryAfter()).isPresent();
            });
            Optional<ObjectInfo> kept = stores.inTransaction(beans -> beans.get(ObjectStores.class)
                    .target(acme.getId(), bucket.getId()).store().stat(upload.getStorageKey()));
            assertThat(kept).as("the uploaded object").isPresent();
        }
    }

    private StorageConnection bucketAt(String endpoint) {
        return bucketAt(endpoint, "key", "secret");
    }

    private StorageConnection bucketAt(String endpoint, String accessKey, String secret) {
        StorageConnection bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), endpoint, "arv-media",
                accessKey, secret);
        Database.persist(bucket);
        return bucket;
    }

    /** An upload announced with that size and hash, its URL still valid. */
    private MediaUpload uploadIn(StorageConnection bucket, long size, String sha256) {
        UUID id = UUID.randomUUID();
        MediaUpload upload = new MediaUpload(id, acme.getId(), bucket.getId(),
                StorageKeys.upload(StorageKeys.organizationPrefix(null, acme.getId()), id), "portrait.png", size, sha256,
                Instant.now().plus(Duration.ofHours(1)));
        Database.persist(upload);
        return upload;
    }

    private void complete(MediaUpload upload, ImageDecoding decoding) {
        stores.inTransaction(beans -> beans.with(UploadRules.class, RULES).with(Spool.class, spool)
                .with(ImageDecoding.class, decoding)
                .get(DirectUploads.class).complete(member, upload.getId()));
    }
}
