package app.arv.media;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageInspectorTest {

    @TempDir
    Path dataDir;
    private Spool spool;
    private ImageInspector inspector;

    @BeforeEach
    void inspector() {
        spool = TestSpools.in(dataDir);
        UploadRules rules = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/jpeg", "image/png", "image/webp"));
        inspector = new ImageInspector(spool, new ImageDecoding(rules, 2, 128L << 20, java.time.Duration.ofSeconds(1)));
    }

    private SpooledFile spooled(String name, byte[] bytes) {
        return spool.take(name, new ByteArrayInputStream(bytes), 10 << 20);
    }

    private static String codeOf(Throwable e) {
        return ((DomainException) e).code();
    }

    @Test
    void aJpegIsAcceptedWithItsPixelSizeAndTwoThumbnailSizes() {
        try (InspectedImage image = inspector.inspect(spooled("rocket.jpg", TestImages.resource("rocket.jpg")))) {
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.width()).isEqualTo(640);
            assertThat(image.height()).isEqualTo(427);
            // 640 px is below 1024: the large thumbnail keeps 640, the small one is 256 wide.
            assertThat(image.thumbnails()).extracting(InspectedImage.Thumbnail::width).containsExactly(640, 256);
        }
    }

    @Test
    void thumbnailsAreJpegsNoLargerThanTheirSide() throws IOException {
        try (InspectedImage image = inspector.inspect(spooled("horse.png", TestImages.resource("horse.png")))) {
            InspectedImage.Thumbnail small = image.thumbnails().get(1);
            var decoded = ImageIO.read(small.file().toFile());
            assertThat(Files.readAllBytes(small.file())).startsWith(0xFF, 0xD8, 0xFF);
            assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isEqualTo(256);
        }
    }

    @Test
    void aLosslessWebpIsAccepted() {
        try (InspectedImage image = inspector.inspect(spooled("chelsea.webp", TestImages.resource("chelsea-lossless.webp")))) {
            assertThat(image.mediaType()).isEqualTo("image/webp");
            assertThat(image.width()).isEqualTo(451);
        }
    }

    @Test
    void exifOrientationTurnsThumbnailsAndReportedSizeUpright() {
        byte[] sideways = TestImages.withExifOrientation(TestImages.resource("rocket.jpg"), 6);

        try (InspectedImage image = inspector.inspect(spooled("phone.jpg", sideways))) {
            assertThat(image.width()).isEqualTo(427);
            assertThat(image.height()).isEqualTo(640);
            assertThat(image.thumbnails().get(1).height()).isEqualTo(256);
        }
    }

    @Test
    void exifOrientationBehindMoreThan128KilobytesOfXmpStillTurnsTheImageUpright() {
        byte[] sideways = TestImages.withXmpFirst(TestImages.withExifOrientation(TestImages.resource("rocket.jpg"), 6), 200_000);

        try (InspectedImage image = inspector.inspect(spooled("edited.jpg", sideways))) {
            assertThat(image.width()).isEqualTo(427);
            assertThat(image.height()).isEqualTo(640);
        }
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> inspector.inspect(spooled("empty.png", new byte[0])))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("empty_file"));
    }

    @Test
    void textBehindAPngNameIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> inspector.inspect(spooled("notes.png", "just some text, not a picture".getBytes())))
                .hasMessageContaining("notes.png")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unsupported_file_type"));
    }

    @Test
    void aZipBombRenamedJpgIsRefusedByItsBytesWithoutInflating() {
        assertThatThrownBy(() -> inspector.inspect(spooled("holiday.jpg", TestImages.zipBomb(64 << 20))))
                .hasMessageContaining("application/zip")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unsupported_file_type"));
    }

    @Test
    void aPngDeclaringFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> inspector.inspect(spooled("bomb.png", TestImages.pngDeclaring(50_000, 50_000))))
                .hasMessageContaining("50000x50000")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("image_too_large"));
    }

    @Test
    void aTruncatedJpegIsRefused() {
        assertThatThrownBy(() -> inspector.inspect(spooled("half.jpg", TestImages.truncatedJpeg())))
                .hasMessageContaining("half.jpg")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("image_corrupt"));
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = TestImages.resource("chelsea.png");
        byte[] half = java.util.Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> inspector.inspect(spooled("half.png", half)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("image_corrupt"));
    }

    @Test
    void anIphoneHeicPortraitIsRefusedAsHeicSuggestingJpeg() {
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c',
                0, 0, 0, 0x10, 'm', 'e', 't', 'a', 0, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> inspector.inspect(spooled("IMG_0001.HEIC", heic)))
                .hasMessageContaining("IMG_0001.HEIC").hasMessageContaining("HEIC").hasMessageContaining("JPEG")
                .hasMessageNotContaining("video")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unsupported_file_type"));
    }

    @Test
    void anAvifImageIsRefusedAsAvif() {
        byte[] avif = {0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0, 'a', 'v', 'i', 'f', 'm', 'i', 'f', '1',
                'm', 'i', 'a', 'f'};

        assertThatThrownBy(() -> inspector.inspect(spooled("photo.avif", avif)))
                .hasMessageContaining("AVIF")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("unsupported_file_type"));
    }
}
