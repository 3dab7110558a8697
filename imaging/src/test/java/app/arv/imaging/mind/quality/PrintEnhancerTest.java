package app.arv.imaging.mind.quality;

import app.arv.imaging.TestImages;
import app.arv.imaging.raster.GreyImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintEnhancerTest {

    private final PrintEnhancer enhancer = new PrintEnhancer();

    @Test
    void aDullPhotoComesOutWithSeveralTimesTheContrast() {
        GreyImage dull = CalibrationCorpus.contrast(TestImages.grey("chelsea"), 0.1);

        GreyImage enhanced = enhancer.enhance(dull);

        assertThat(standardDeviation(enhanced)).isGreaterThan(3 * standardDeviation(dull));
    }

    @Test
    void aFlatImageGainsNoTexture() {
        GreyImage enhanced = enhancer.enhance(TestImages.flat(200, 100, 90));

        assertThat(standardDeviation(enhanced)).isLessThan(1.0);
    }

    @Test
    void aColourPixelMovesByItsGreyChangeOnEveryChannel() {
        int[] argb = new int[64 * 64];
        for (int i = 0; i < argb.length; i++) {
            int v = 100 + (i % 64) / 8;
            argb[i] = 0xff000000 | ((v + 20) << 16) | (v << 8) | (v - 20);
        }

        int[] out = enhancer.enhanceArgb(argb, 64, 64);

        int p = out[63];
        assertThat(((p >> 16) & 0xff) - ((p >> 8) & 0xff)).isEqualTo(20);
        assertThat(((p >> 8) & 0xff) - (p & 0xff)).isEqualTo(20);
        assertThat(p >>> 24).isEqualTo(0xff);
    }

    private static double standardDeviation(GreyImage g) {
        double sum = 0;
        double sq = 0;
        for (byte b : g.pixels()) {
            sum += b & 0xff;
            sq += (b & 0xff) * (double) (b & 0xff);
        }
        double mean = sum / g.pixels().length;
        return Math.sqrt(Math.max(0, sq / g.pixels().length - mean * mean));
    }
}
