package app.arv.imaging.segment;

import app.arv.imaging.TestImages;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectSegmenterTest {

    private final ObjectSegmenter segmenter = new ObjectSegmenter();

    private static RgbaImage load(String file) throws Exception {
        return new RgbaImageLoader(1024).load(TestImages.bytes("images/" + file));
    }

    /** Share of the union that both masks cover. */
    private static double intersectionOverUnion(byte[] a, byte[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] & b[i];
            either += a[i] | b[i];
        }
        return (double) both / either;
    }

    @Test
    void aCutOutIsSegmentedByItsTransparencyEvenThoughItsHiddenColourMatchesTheObject() throws Exception {
        // horse-cutout.png: every pixel is black, the horse is opaque and the rest transparent
        RgbaImage image = load("horse-cutout.png");
        byte[] opaque = new byte[image.argb().length];
        for (int i = 0; i < opaque.length; i++) {
            opaque[i] = (byte) ((image.argb()[i] >>> 24) >= 128 ? 1 : 0);
        }

        ObjectSegmenter.Segmentation result = segmenter.segment(image);

        assertThat(result.method()).isEqualTo(ObjectSegmenter.Method.ALPHA);
        assertThat(intersectionOverUnion(result.mask().inside(), opaque)).isGreaterThan(0.97);
    }

    @Test
    void anObjectOnAPlainBackdropIsSegmentedFromTheBorderColours() throws Exception {
        // horse.png: black horse on an opaque white backdrop (only its four corner pixels are partly transparent)
        RgbaImage image = load("horse.png");
        byte[] dark = new byte[image.argb().length];
        for (int i = 0; i < dark.length; i++) {
            int p = image.argb()[i];
            dark[i] = (byte) ((p >>> 24) >= 128 && ((p >> 16) & 0xff) < 128 ? 1 : 0);
        }

        ObjectSegmenter.Segmentation result = segmenter.segment(image);

        assertThat(result.method()).isEqualTo(ObjectSegmenter.Method.BACKGROUND);
        // the difference: the anti-aliased edge counts as object, and closing bridges the narrowest gaps (tail/leg)
        assertThat(intersectionOverUnion(result.mask().inside(), dark)).isGreaterThan(0.9);
    }

    @Test
    void theMaskIsOneRegionWithoutHoles() throws Exception {
        byte[] mask = segmenter.segment(load("coffee.png")).mask().inside();
        RgbaImage image = load("coffee.png");

        assertThat(MaskMorphology.largestComponent(mask, image.width(), image.height())).isEqualTo(mask);
        assertThat(MaskMorphology.fillHoles(mask, image.width(), image.height())).isEqualTo(mask);
    }

    @Test
    void aUniformPictureIsRefusedAsUniform() {
        int[] grey = new int[300 * 200];
        Arrays.fill(grey, 0xff808080);

        assertThatThrownBy(() -> segmenter.segment(new RgbaImage(300, 200, grey)))
                .isInstanceOf(NoObjectFoundException.class)
                .hasMessageContaining("uniform");
    }

    @Test
    void aFullyTransparentPictureIsRefusedAsEmpty() {
        int[] clear = new int[300 * 200];

        assertThatThrownBy(() -> segmenter.segment(new RgbaImage(300, 200, clear)))
                .isInstanceOf(NoObjectFoundException.class)
                .hasMessageContaining("transparent");
    }
}
