package app.arv.imaging.input;

import app.arv.imaging.TestImages;
import app.arv.imaging.raster.GreyImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void theHeaderIsReadWithoutDecodingThePixels() throws Exception {
        // 2.5 billion pixels: decoding them would need 7.5 GB; the file holds one row
        ImageHeader header = decoder.header(StreamedPng.declaring(50_000, 50_000));

        assertThat(header).isEqualTo(new ImageHeader("image/png", 50_000, 50_000, 24));
    }

    @Test
    void moreDeclaredPixelsThanTheLimitAreRefusedBeforeDecodingNamingTheLimit() {
        ImageDecoder limited = new ImageDecoder(50_000_000, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, DecodeGate.UNBOUNDED);

        assertThatThrownBy(() -> limited.decode(StreamedPng.declaring(50_000, 50_000), 1024))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> assertThat(e.maxPixels()).isEqualTo(50_000_000))
                .hasMessageContaining("50000x50000").hasMessageContaining("50000000");
    }

    @Test
    void aLargeSixteenBitImageIsDecodedSubsampledToBetweenOnceAndTwiceTheWorkingSize() throws Exception {
        DecodedImage decoded = decoder.decode(StreamedPng.rgba16(3000, 2000), 512);

        assertThat(decoded.step()).isEqualTo(3);
        assertThat(decoded.image().getWidth()).isEqualTo(1000);
        assertThat(decoded.image().getHeight()).isEqualTo(667);
        assertThat(decoded.header()).isEqualTo(new ImageHeader("image/png", 3000, 2000, 64));
    }

    @Test
    void anImageUpToTwiceTheWorkingSizeIsDecodedWhole() throws Exception {
        DecodedImage decoded = decoder.decode(TestImages.bytes("images/coffee.png"), 300);

        assertThat(decoded.step()).isEqualTo(1);
        assertThat(decoded.image().getWidth()).isEqualTo(600);
    }

    @Test
    void theDecodedRasterStaysWithinTheMemoryBoundWhateverTheWorkingSize() throws Exception {
        ImageDecoder small = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, 4L << 20, DecodeGate.UNBOUNDED);

        DecodedImage decoded = small.decode(StreamedPng.rgba16(3000, 2000), 4096);

        long pixels = (long) decoded.image().getWidth() * decoded.image().getHeight();
        assertThat(pixels * (8 + 4)).isLessThanOrEqualTo(4L << 20);
    }

    @Test
    void theGateAdmitsEachDecodeWithItsEstimatedCostAndIsReleasedAfterwards() throws Exception {
        List<String> calls = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES,
                (header, bytes) -> {
                    calls.add("admit " + header.width() + " " + bytes);
                    return () -> calls.add("release");
                });

        gated.decode(StreamedPng.rgba16(3000, 2000), 512);

        assertThat(calls).containsExactly("admit 3000 " + 1000L * 667 * 12, "release");
    }

    @Test
    void aLossyWebpIsChargedItsWholeFrameWhateverTheSubsampling() throws Exception {
        byte[] webp = TestImages.bytes("images/lossy.webp");
        List<Long> admitted = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, recording(admitted));

        DecodedImage decoded = gated.decode(webp, 16);

        long pixels = 64 * 48;
        long raster = (long) decoded.image().getWidth() * decoded.image().getHeight() * ((decoded.header().bitsPerPixel() + 7) / 8 + 4);
        assertThat(decoded.step()).isEqualTo(2);
        assertThat(admitted).containsExactly(raster + pixels * WholeFrameCost.LOSSY_WEBP_BYTES_PER_PIXEL);
    }

    @Test
    void aProgressiveJpegIsChargedItsWholeCoefficientBuffer() throws Exception {
        List<Long> admitted = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, recording(admitted));

        DecodedImage decoded = gated.decode(GradientJpegs.progressive(640, 480), 160);

        // 4:2:0: 80x60 luma blocks, 40x30 of each chroma, 64 coefficients of 2 bytes each
        long coefficients = (80 * 60 + 2 * 40 * 30) * 128L;
        long raster = (long) decoded.image().getWidth() * decoded.image().getHeight() * ((decoded.header().bitsPerPixel() + 7) / 8 + 4);
        assertThat(decoded.step()).isEqualTo(2);
        assertThat(admitted).containsExactly(raster + coefficients);
    }

    @Test
    void aBaselineJpegIsChargedItsSubsampledRasterOnly() throws Exception {
        List<Long> admitted = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, recording(admitted));

        DecodedImage decoded = gated.decode(GradientJpegs.gradient(640, 480, false), 160);

        assertThat(admitted).containsExactly((long) decoded.image().getWidth() * decoded.image().getHeight()
                * ((decoded.header().bitsPerPixel() + 7) / 8 + 4));
    }

    @Test
    void aSmallLossyWebpDeclaringMorePixelsThanTheBudgetCanDecodeIsRefusedBeforeDecoding() {
        byte[] webp = TestImages.bytes("images/lossy.webp");
        // the VP8 frame header's 14-bit width and height: 7000x7000, 49 million pixels, under the pixel limit
        ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN).putShort(26, (short) 7000).putShort(28, (short) 7000);
        List<Long> admitted = new ArrayList<>();
        DecodeGate budget = new DecodeGate() {
            @Override
            public Admission admit(ImageHeader header, long decodedBytes) {
                return recording(admitted).admit(header, decodedBytes);
            }

            @Override
            public long capacity() {
                return 512L << 20;
            }
        };
        ImageDecoder limited = new ImageDecoder(50_000_000, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, budget);

        assertThatThrownBy(() -> limited.decode(webp, 1024))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> assertThat(e.maxPixels()).isLessThan(49_000_000));
        assertThat(admitted).isEmpty();
    }

    @Test
    void aLossyWebpWhoseFrameLeavesTooLittleOfTheCapacityIsDecodedCoarserInsteadOfRefused() throws Exception {
        // scaled down from an 8 MP WebP in a print kit on a 2-slot node: the whole frame takes most of the
        // capacity, the full-resolution raster would not fit beside it, the raster at step 2 does
        byte[] webp = TestImages.bytes("images/lossy.webp");
        ImageHeader header = decoder.header(webp);
        long frame = 64L * 48 * WholeFrameCost.LOSSY_WEBP_BYTES_PER_PIXEL;
        long rasterAtStepTwo = 32L * 24 * ((header.bitsPerPixel() + 7) / 8 + 4);
        List<Long> admitted = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES,
                withCapacity(frame + rasterAtStepTwo, admitted));

        DecodedImage decoded = gated.decode(webp, 64);

        assertThat(decoded.step()).isEqualTo(2);
        assertThat(admitted).containsExactly(frame + rasterAtStepTwo);
    }

    @Test
    void aLossyWebpWhoseFrameAloneExceedsTheCapacityIsRefusedAsTooLarge() {
        byte[] webp = TestImages.bytes("images/lossy.webp");
        List<Long> admitted = new ArrayList<>();
        ImageDecoder gated = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES,
                withCapacity(64L * 48 * WholeFrameCost.LOSSY_WEBP_BYTES_PER_PIXEL, admitted));

        assertThatThrownBy(() -> gated.decode(webp, 64)).isInstanceOf(ImageTooLargeException.class);
        assertThat(admitted).isEmpty();
    }

    @Test
    void aGatesRefusalIsPassedOnUnchanged() {
        IllegalStateException busy = new IllegalStateException("busy");
        ImageDecoder refusing = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES,
                (header, bytes) -> {
                    throw busy;
                });

        assertThatThrownBy(() -> refusing.decode(TestImages.bytes("images/coins.png"), 512)).isSameAs(busy);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> decoder.decode(zip, 512))
                .isInstanceOfSatisfying(UnsupportedImageException.class, e -> assertThat(e.sniffedType()).isEqualTo("application/zip"));
    }

    @Test
    void aTruncatedFileIsCorrupt() {
        byte[] png = TestImages.bytes("images/coins.png");

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(png, png.length / 3), 512))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("corrupt or truncated PNG");
    }

    @Test
    void aCmykJpegWithoutAProfileIsDecoded() throws Exception {
        DecodedImage decoded = decoder.decode(GradientJpegs.cmyk(320, 240, 0), 512);

        assertThat(decoded.image().getWidth()).isEqualTo(320);
        assertThat(decoded.image().getHeight()).isEqualTo(240);
    }

    @Test
    void aYcckJpegWithoutAProfileIsDecoded() throws Exception {
        DecodedImage decoded = decoder.decode(GradientJpegs.cmyk(320, 240, 2), 512);

        assertThat(decoded.image().getWidth()).isEqualTo(320);
    }

    @Test
    void aJpegWithAPerceptualScannerProfileIsDecoded() throws Exception {
        byte[] jpeg = GradientJpegs.withIccProfile(GradientJpegs.gradient(320, 240, false), "scnr");

        DecodedImage decoded = decoder.decode(jpeg, 512);

        assertThat(decoded.image().getWidth()).isEqualTo(320);
    }

    @Test
    void aTruncatedJpegIsCorrupt() throws Exception {
        byte[] jpeg = GradientJpegs.gradient(320, 240, false);

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2), 512))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("corrupt or truncated JPEG");
    }

    @Test
    void aWebpWithUncompressedAlphaIsRefusedSayingSo() {
        byte[] alpha = new byte[1 + 64 * 48];
        alpha[0] = 0; // no compression
        byte[] webp = WebpFiles.riff(WebpFiles.vp8x(0x10, 64, 48), WebpFiles.chunk("ALPH", alpha),
                WebpFiles.imageChunk(TestImages.bytes("images/lossy.webp")));

        assertThatThrownBy(() -> decoder.decode(webp, 512))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("uncompressed transparency");
    }

    @Test
    void aLosslessWebpCutAnywhereIsCorrupt() {
        byte[] webp = TestImages.bytes("images/chelsea-lossless.webp");

        for (int percent = 55; percent <= 95; percent += 5) {
            byte[] cut = Arrays.copyOf(webp, webp.length * percent / 100);
            assertThatThrownBy(() -> decoder.decode(cut, 512)).as("cut at %d%%", percent)
                    .isInstanceOf(CorruptImageException.class)
                    .hasMessageContaining("corrupt or truncated WebP");
        }
    }

    @Test
    void aWebpsOrientationIsReadFromAnExifChunkAfterTheImageDataOfAFile(@TempDir Path dir) throws Exception {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
                0, 0, 0, 0,
        };
        byte[] lossless = TestImages.bytes("images/chelsea-lossless.webp");
        Path file = dir.resolve("portrait.webp");
        Files.write(file, WebpFiles.riff(WebpFiles.vp8x(0x08, 451, 300), WebpFiles.imageChunk(lossless), WebpFiles.chunk("EXIF", tiff)));

        DecodedImage decoded = decoder.decode(file, 512);

        assertThat(decoded.orientation()).isEqualTo(6);
        assertThat(decoded.uprightWidth()).isEqualTo(300);
        assertThat(decoded.uprightHeight()).isEqualTo(451);
    }

    @Test
    void theCompilersLoaderReducesASubsampledImageToExactlyTheWorkingSizeOfTheWholeImage() throws Exception {
        GreyImage grey = new ImageLoader(1024).load(StreamedPng.rgba16(3000, 2000));

        assertThat(grey.width()).isEqualTo(1024);
        assertThat(grey.height()).isEqualTo(683);
    }

    private static DecodeGate withCapacity(long capacity, List<Long> admitted) {
        return new DecodeGate() {
            @Override
            public Admission admit(ImageHeader header, long decodedBytes) {
                return recording(admitted).admit(header, decodedBytes);
            }

            @Override
            public long capacity() {
                return capacity;
            }
        };
    }

    private static DecodeGate recording(List<Long> admitted) {
        return (header, bytes) -> {
            admitted.add(bytes);
            return () -> {
            };
        };
    }
}
