package app.arv.imaging.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.raster.RgbaImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RgbaImageLoaderTest {

    @Test
    void transparencyIsKeptInsteadOfCompositedOnWhite() throws Exception {
        RgbaImage cutOut = new RgbaImageLoader(1024).load(TestImages.bytes("images/horse-cutout.png"));

        assertThat(cutOut.get(0, 0) >>> 24).isZero();
        assertThat(cutOut.get(200, 150) >>> 24).isEqualTo(255); // the horse's body
        assertThat(cutOut.hasTransparency()).isTrue();
    }

    @Test
    void coloursAreKept() throws Exception {
        RgbaImage coffee = new RgbaImageLoader(1024).load(TestImages.bytes("images/coffee.png"));

        int saucer = coffee.get(100, 250); // the red saucer
        assertThat((saucer >> 16) & 0xff).isGreaterThan((saucer & 0xff) + 40);
        assertThat(coffee.hasTransparency()).isFalse();
    }

    @Test
    void exifOrientationSixTurnsALandscapeJpegUpright() throws Exception {
        byte[] jpeg = withExifOrientation(jpegWithBrightLeftEdge(300, 200), 6);

        RgbaImage image = new RgbaImageLoader(1024).load(jpeg);

        assertThat(image.width()).isEqualTo(200);
        assertThat(image.height()).isEqualTo(300);
        // orientation 6: the stored left edge becomes the displayed top
        assertThat(image.get(100, 2) & 0xff).isGreaterThan(200);
        assertThat(image.get(100, 297) & 0xff).isLessThan(50);
    }

    @Test
    void aLargePhotoComesOutNoLargerThanTheRequestedSide() throws Exception {
        RgbaImage image = new RgbaImageLoader(256).load(jpegWithBrightLeftEdge(2000, 1000));

        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(128);
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        assertThatThrownBy(() -> new RgbaImageLoader(1024).load("not an image".getBytes()))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("not a readable image");
    }

    private static byte[] jpegWithBrightLeftEdge(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 255 - (x * 255) / width;
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
