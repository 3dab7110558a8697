package app.arv.imaging.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.Resampler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageLoaderTest {

    private final ImageLoader loader = new ImageLoader();

    @Test
    void greyPngSamplesAreTakenAsStoredWithoutGammaShift() throws Exception {
        // the official compiler's 128-px tracking image of camera.png is a box average of the raw grey samples
        GreyImage camera = loader.load(TestImages.bytes("images/camera.png"));
        byte[] officialTracking = new MindReader().read(TestImages.golden("camera")).targets().get(0)
                .trackingImages().get(1).pixels();

        assertThat(Resampler.resize(camera, 128.0 / 512).pixels()).isEqualTo(officialTracking);
    }

    @Test
    void colourBytesReadDirectlyGiveTheGreyOfTheColourModelPath() {
        java.util.Random random = new java.util.Random(14);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }

            byte[] direct = ImageLoader.toGrey(image).pixels();
            byte[] expected = new byte[37 * 23];
            for (int i = 0; i < expected.length; i++) {
                int argb = image.getRGB(i % 37, i / 37);
                int al = argb >>> 24;
                expected[i] = (byte) ((ImageLoader.onWhite((argb >> 16) & 0xff, al) + ImageLoader.onWhite((argb >> 8) & 0xff, al)
                        + ImageLoader.onWhite(argb & 0xff, al)) / 3);
            }

            assertThat(direct).isEqualTo(expected);
        }
    }

    @Test
    void losslessWebpDecodesToTheSamePixelsAsThePng() throws Exception {
        GreyImage png = loader.load(TestImages.bytes("images/chelsea.png"));
        GreyImage webp = loader.load(TestImages.bytes("images/chelsea-lossless.webp"));

        assertThat(webp.pixels()).isEqualTo(png.pixels());
    }

    @Test
    void transparentPixelsBecomeWhite() throws Exception {
        GreyImage horse = loader.load(TestImages.bytes("images/horse.png"));

        // horse.png is a black silhouette on a fully transparent background
        assertThat(horse.get(0, 0)).isEqualTo(255);
    }

    @Test
    void exifOrientationSixTurnsALandscapeJpegUpright() throws Exception {
        byte[] jpeg = withExifOrientation(jpeg(300, 200), 6);

        GreyImage image = loader.load(jpeg);

        assertThat(image.width()).isEqualTo(200);
        assertThat(image.height()).isEqualTo(300);
    }

    @Test
    void theLongSideIsScaledDownToTheWorkingSize() throws Exception {
        GreyImage image = new ImageLoader(256).load(TestImages.bytes("images/coffee.png"));

        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(171);
    }

    @Test
    void aTruncatedFileIsRefusedClearly() {
        byte[] png = TestImages.bytes("images/coins.png");
        byte[] truncated = Arrays.copyOf(png, png.length / 3);

        assertThatThrownBy(() -> loader.load(truncated))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("corrupt or truncated PNG");
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        assertThatThrownBy(() -> loader.load("hello, not an image".getBytes()))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("not a readable image");
    }

    @Test
    void aTinyImageIsRefusedAsTooSmall() throws Exception {
        assertThatThrownBy(() -> loader.load(jpeg(20, 20)))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("image smaller than 32 px");
    }

    /** A JPEG with a gradient, so orientation matters. */
    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (x * 255) / width;
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0,
        };
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
