package app.arv.marker;

import app.arv.imaging.input.DecodeGate;
import app.arv.media.ImageDecoding;
import app.arv.media.SpooledFile;
import app.arv.media.TestDecodings;
import app.arv.media.TestImages;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suggested print decodes like every other request's image: within the configured limit and decode slots. */
class MarkerAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aSuggestionRefusesAnImageOverTheConfiguredPixelLimit() throws IOException {
        MarkerAnalyzer analyzer = analyzer(TestDecodings.of(1_000_000, 1, Duration.ZERO));
        SpooledFile wide = spooled("wide.png", TestImages.pngDeclaring(2000, 1000));

        assertThatThrownBy(() -> analyzer.suggest(wide)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("image_too_large");
        });
    }

    @Test
    @SuppressWarnings("try") // the slot is held for the block, never used in it
    void aSuggestionFindingEveryDecodeSlotTakenIsToldTheNodeIsBusy() throws IOException {
        ImageDecoding decoding = TestDecodings.of(50_000_000, 1, Duration.ZERO);
        MarkerAnalyzer analyzer = analyzer(decoding);
        SpooledFile horse = spooled("horse.png", resource("horse.png"));

        try (DecodeGate.Admission running = TestDecodings.occupySlot(decoding)) {
            assertThatThrownBy(() -> analyzer.suggest(horse)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("busy");
            });
        }
    }

    @Test
    void aTexturedStripTooNarrowAtTheWorkingSizeGetsNoVerdict() throws IOException {
        MarkerAnalyzer analyzer = analyzer(TestDecodings.of(50_000_000, 1, Duration.ZERO));
        SpooledFile strip = spooled("strip.png", noisePng(40, 4000));

        assertThatThrownBy(() -> analyzer.analyze(strip)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("image_refused");
            assertThat(e.getMessage()).contains("aspect ratio 1:100");
        });
    }

    @Test
    void aGifTheUploadWouldRefuseGetsNoVerdict() throws IOException {
        MarkerAnalyzer analyzer = analyzer(TestDecodings.of(50_000_000, 1, Duration.ZERO));
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(noisePng(200, 200))), "gif", gif);
        SpooledFile photo = spooled("photo.gif", gif.toByteArray());

        assertThatThrownBy(() -> analyzer.analyze(photo)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("unsupported_file_type");
            assertThat(e.getMessage()).contains("photo.gif").contains("image/gif");
        });
    }

    private static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage noise = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", png);
        return png.toByteArray();
    }

    private static MarkerAnalyzer analyzer(ImageDecoding decoding) {
        MarkerAnalyzer analyzer = new MarkerAnalyzer();
        analyzer.decoding = decoding;
        return analyzer;
    }

    private SpooledFile spooled(String name, byte[] bytes) throws IOException {
        Path path = Files.write(dir.resolve(name), bytes);
        return new SpooledFile(name, path, bytes.length, "", bytes, bytes.length);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MarkerAnalyzerTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }
}
