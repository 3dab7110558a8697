package app.arv.imaging.mind;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.mind.format.TrackingImage;
import app.arv.imaging.raster.GreyImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MindTargetCompilerTest {

    @Test
    void theSameImageGivesTheSameBytesWhateverThePool() throws Exception {
        GreyImage coins = TestImages.grey("coins");
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            byte[] first = new MindTargetCompiler().compileToMind(List.of(coins));
            byte[] second = new MindTargetCompiler(single).compileToMind(List.of(coins));

            assertThat(second).isEqualTo(first);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void analyzeBuildsTheSameTargetAndReportAsCompileWhenTheTargetIsAskedFor() throws Exception {
        GreyImage coins = TestImages.grey("coins");
        CompiledTarget compiled = new MindTargetCompiler().compile(coins);

        CompiledTarget analyzed = new MindTargetCompiler().analyze(coins);

        assertThat(analyzed.quality()).isEqualTo(compiled.quality());
        assertThat(new MindWriter().write(new MindFile(List.of(analyzed.target()))))
                .isEqualTo(new MindWriter().write(new MindFile(List.of(compiled.target()))));
    }

    @Test
    void severalImagesBecomeTargetsInInputOrder() throws Exception {
        byte[] bytes = new MindTargetCompiler().compileToMind(List.of(TestImages.grey("coins"), TestImages.grey("page")));

        MindFile file = new MindReader().read(bytes);

        assertThat(file.targets()).extracting(MindTarget::width, MindTarget::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(384, 303), org.assertj.core.groups.Tuple.tuple(384, 191));
    }

    @Test
    void keyframesGoFromFullSizeDownToAHundredPixelsOnTheShortSide() throws Exception {
        MindTarget target = new MindTargetCompiler().compile(TestImages.grey("chelsea")).target();

        assertThat(target.keyframes()).first().satisfies(k -> {
            assertThat(k.width()).isEqualTo(451);
            assertThat(k.scale()).isEqualTo(1.0);
        });
        assertThat(target.keyframes()).last().satisfies(k -> assertThat(k.height()).isEqualTo(100));
        assertThat(target.trackingImages()).extracting(TrackingImage::height).containsExactly(256, 128);
    }

    @Test
    void aFlatImageIsRefusedWithTheReason() {
        GreyImage grey = TestImages.flat(400, 300, 128);

        assertThatThrownBy(() -> new MindTargetCompiler().compile(grey))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("no usable features");
    }

    @Test
    void aSmallImageStillGetsTrackingPointsOnItsUpscaledTrackingImage() throws Exception {
        // page.png is 384x191: the official compiler's 256-px tracking image comes out black with 0 points
        MindTarget target = new MindTargetCompiler().compile(TestImages.grey("page")).target();

        TrackingImage upscaled = target.trackingImages().get(0);
        assertThat(upscaled.height()).isEqualTo(256);
        assertThat(upscaled.points()).isNotEmpty();
    }
}
