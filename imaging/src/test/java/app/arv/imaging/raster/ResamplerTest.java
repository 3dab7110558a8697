package app.arv.imaging.raster;

import app.arv.imaging.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResamplerTest {

    @Test
    void downscalingAveragesTheCoveredPixelsAndFloors() {
        GreyImage image = new GreyImage(2, 2, new byte[]{10, 11, 20, 20});

        GreyImage half = Resampler.resize(image, 0.5);

        assertThat(half.width()).isEqualTo(1);
        assertThat(half.get(0, 0)).isEqualTo(15); // (10 + 11 + 20 + 20) / 4 = 15.25
    }

    @Test
    void upscalingFillsEveryPixelInsteadOfLeavingGapsBlack() {
        // the official resize leaves target pixels that cover no source pixel at 0
        GreyImage grey = TestImages.flat(100, 60, 100);

        GreyImage up = Resampler.resize(grey, 256.0 / 60);

        assertThat(up.height()).isEqualTo(256);
        for (byte b : up.pixels()) {
            assertThat(b & 0xff).isEqualTo(100);
        }
    }

    @Test
    void resizingToAnExactSizeAveragesEachAxisOnItsOwn() {
        GreyImage image = new GreyImage(4, 2, new byte[]{0, 10, 20, 30, 40, 50, 60, 70});

        GreyImage reduced = Resampler.resizeTo(image, 2, 1);

        assertThat(reduced.width()).isEqualTo(2);
        assertThat(reduced.height()).isEqualTo(1);
        assertThat(reduced.get(0, 0)).isEqualTo(25); // (0 + 10 + 40 + 50) / 4
        assertThat(reduced.get(1, 0)).isEqualTo(45); // (20 + 30 + 60 + 70) / 4
    }
}
