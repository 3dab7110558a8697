package app.arv.marker;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.media.ImageDecoding;
import app.arv.media.TestDecodings;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.persistence.storage.StorageConnection;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a store that breaks off while sending what a quality picture is drawn from is answered, on real PostgreSQL and
 * without a server (the picture itself is QualityPictureIT's).
 */
class QualityPicturesTest {

    @TempDir
    Path dataDir;
    private TestStores stores;

    private Organization acme;
    private Project wedding;
    private Caller member;

    @BeforeEach
    void anOrganizationWithAProject() {
        stores = new TestStores(dataDir);
        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        wedding = new Project(acme.getId(), "Wedding", null);
        Database.persist(acme, wedding);
        member = new Caller(UUID.randomUUID(), null, acme.getId(), "member", Set.of(CallerRole.MEMBER));
    }

    @Test
    void aStoreThatBreaksOffWhileSendingTheCompiledMarkerIsUnavailableForNow() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            StorageConnection bucket = bucketAt(store);
            MediaResource marker = inBucket(bucket, "application/octet-stream", "anna.mind");
            MediaResource portrait = inBucket(bucket, "image/png", "anna.png");
            ArContent anna = readyContent(portrait, marker);

            assertThatThrownBy(() -> pictures(p -> p.of(member, anna.getId())))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("storage_unavailable");
                        assertThat(e.retryAfter()).isPresent();
                    });
        }
    }

    @Test
    void aStoreThatBreaksOffWhileSendingThePortraitIsUnavailableForNow() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            MediaResource marker = compiledMarkerStoredLocally();
            MediaResource portrait = inBucket(bucketAt(store), "image/png", "anna.png");
            ArContent anna = readyContent(portrait, marker);

            assertThatThrownBy(() -> pictures(p -> p.of(member, anna.getId())))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("storage_unavailable");
                        assertThat(e.retryAfter()).isPresent();
                    });
        }
    }

    private StorageConnection bucketAt(MisbehavingS3 store) {
        StorageConnection bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), store.endpoint(), "arv-media",
                "key", "secret");
        Database.persist(bucket);
        return bucket;
    }

    /** A file of the {@value MisbehavingS3#PROMISED_BYTES} bytes the misbehaving store promises, kept in its bucket. */
    private MediaResource inBucket(StorageConnection bucket, String mediaType, String name) {
        UUID mediaId = UUID.randomUUID();
        MediaResource file = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), MisbehavingS3.PROMISED_BYTES,
                mediaType, name, 640, 480, bucket.getId(), "orgs/" + acme.getId() + "/media/" + mediaId);
        Database.persist(file);
        return file;
    }

    /** The marker compiled from a test image, in the platform's local store. */
    private MediaResource compiledMarkerStoredLocally() throws Exception {
        byte[] image;
        try (InputStream in = QualityPicturesTest.class.getResourceAsStream("/images/chelsea.png")) {
            image = in.readAllBytes();
        }
        byte[] mind = new MindWriter().write(new MindFile(List.of(
                new MindTargetCompiler().analyze(new ImageLoader().load(image)).target())));
        UUID mediaId = UUID.randomUUID();
        String key = "orgs/" + acme.getId() + "/media/" + mediaId;
        Path file = dataDir.resolve("storage").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, mind);
        MediaResource marker = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), mind.length,
                "application/octet-stream", "anna.mind", null, null, null, key);
        Database.persist(marker);
        return marker;
    }

    private ArContent readyContent(MediaResource portrait, MediaResource marker) {
        ArContent content = new ArContent(acme.getId(), wedding.getId(), "Anna", portrait.getId());
        content.markerReady(marker.getId(), 640, 480, 80, "good", "{}");
        Database.persist(content);
        return content;
    }

    private <T> T pictures(Function<QualityPictures, T> call) {
        ImageDecoding decoding = TestDecodings.of(50_000_000, 2, Duration.ofSeconds(1));
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(stores.beans(em).with(ImageDecoding.class, decoding)
                .get(QualityPictures.class))));
        return result.get();
    }
}
