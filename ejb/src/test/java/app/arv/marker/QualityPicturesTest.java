package app.arv.marker;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.media.ImageDecoding;
import app.arv.media.TestDecodings;
import app.arv.persistence.Database;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.storage.StorageConnection;
import app.arv.shared.DomainException;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.OrganizationFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private OrganizationFiles files;

    @BeforeEach
    void anOrganizationWithAProject() {
        files = new OrganizationFiles(dataDir);
    }

    @Test
    void aStoreThatBreaksOffWhileSendingTheCompiledMarkerIsUnavailableForNow() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            StorageConnection bucket = files.bucketAt(store);
            MediaResource marker = files.inBucket(bucket, "application/octet-stream", "anna.mind");
            MediaResource portrait = files.inBucket(bucket, "image/png", "anna.png");
            ArContent anna = readyContent(portrait, marker);

            assertThatThrownBy(() -> pictures(p -> p.of(files.member, anna.getId())))
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
            MediaResource portrait = files.inBucket(files.bucketAt(store), "image/png", "anna.png");
            ArContent anna = readyContent(portrait, marker);

            assertThatThrownBy(() -> pictures(p -> p.of(files.member, anna.getId())))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("storage_unavailable");
                        assertThat(e.retryAfter()).isPresent();
                    });
        }
    }

    /** The marker compiled from a test image, in the platform's local store. */
    private MediaResource compiledMarkerStoredLocally() throws Exception {
        byte[] mind = new MindWriter().write(new MindFile(List.of(
                new MindTargetCompiler().analyze(new ImageLoader().load(OrganizationFiles.image("/images/chelsea.png"))).target())));
        return files.storedLocally(mind, "application/octet-stream", "anna.mind", null, null);
    }

    private ArContent readyContent(MediaResource portrait, MediaResource marker) {
        ArContent content = new ArContent(files.acme.getId(), files.wedding.getId(), "Anna", portrait.getId());
        content.markerReady(marker.getId(), 640, 480, 80, "good", "{}");
        Database.persist(content);
        return content;
    }

    private <T> T pictures(Function<QualityPictures, T> call) {
        ImageDecoding decoding = TestDecodings.of(50_000_000, 2, Duration.ofSeconds(1));
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(files.stores.beans(em).with(ImageDecoding.class, decoding)
                .get(QualityPictures.class))));
        return result.get();
    }
}
