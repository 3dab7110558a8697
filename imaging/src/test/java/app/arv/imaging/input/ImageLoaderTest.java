package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.Resampler;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
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
        byte[] jpeg = GradientJpegs.withExifOrientation(GradientJpegs.gradient(300, 200, false), 6);

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
        assertThatThrownBy(() -> loader.load(GradientJpegs.gradient(20, 20, false)))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("image smaller than 32 px");
    }

    @Test
    void aStripTooNarrowAtTheWorkingSizeIsRefusedNamingItsAspectRatio() throws Exception {
        BufferedImage noise = new BufferedImage(40, 4000, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", png);

        assertThatThrownBy(() -> loader.load(png.toByteArray()))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("40x4000")
                .hasMessageContaining("aspect ratio 1:100");
    }

    @Test
    void aLongImageStillWideEnoughAtTheWorkingSizeIsLoaded() throws Exception {
        GreyImage grey = loader.load(GradientJpegs.gradient(1000, 4000, false));

        assertThat(grey.width()).isEqualTo(256);
        assertThat(grey.height()).isEqualTo(1024);
    }
}
