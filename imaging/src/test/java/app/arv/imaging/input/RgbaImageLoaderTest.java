package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        byte[] jpeg = GradientJpegs.withExifOrientation(GradientJpegs.gradient(300, 200, true), 6);

        RgbaImage image = new RgbaImageLoader(1024).load(jpeg);

        assertThat(image.width()).isEqualTo(200);
        assertThat(image.height()).isEqualTo(300);
        // orientation 6: the stored left edge becomes the displayed top
        assertThat(image.get(100, 2) & 0xff).isGreaterThan(200);
        assertThat(image.get(100, 297) & 0xff).isLessThan(50);
    }

    @Test
    void aLargePhotoComesOutNoLargerThanTheRequestedSide() throws Exception {
        RgbaImage image = new RgbaImageLoader(256).load(GradientJpegs.gradient(2000, 1000, true));

        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(128);
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        assertThatThrownBy(() -> new RgbaImageLoader(1024).load("not an image".getBytes()))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("not a readable image");
    }
}
