package app.arv.imaging.mind.quality;

import static org.assertj.core.api.Assertions.assertThat;

import app.arv.imaging.TestImages;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.raster.GreyImage;
import org.junit.jupiter.api.Test;

class QualityAssessorTest {

    private final MindTargetCompiler compiler = new MindTargetCompiler();

    @Test
    void aDetailedPhotoIsGood() {
        QualityReport report = compiler.analyze(TestImages.grey("chelsea")).quality();

        assertThat(report.verdict()).isEqualTo(Verdict.GOOD);
        assertThat(report.score()).isGreaterThanOrEqualTo(60);
        assertThat(report.reasons()).isEmpty();
        assertThat(report.scales()).first().satisfies(s -> assertThat(s.total()).isPositive());
    }

    @Test
    void aFlatImageIsUnusableForLackOfFeatures() {
        QualityReport report = compiler.analyze(TestImages.flat(400, 300, 200)).quality();

        assertThat(report.verdict()).isEqualTo(Verdict.UNUSABLE);
        assertThat(report.totalFeatures()).isZero();
        assertThat(report.reasons()).anyMatch(r -> r.contains("no usable features"));
    }

    @Test
    void texturePackedIntoOneCornerIsReportedAsBunched() {
        GreyImage corner = pasteIntoCorner(TestImages.grey("coins"), 1000, 800);

        QualityReport report = compiler.analyze(corner).quality();

        assertThat(report.coverage()).isLessThan(0.5);
        assertThat(report.reasons()).anyMatch(r -> r.contains("features bunched in one area"));
        assertThat(report.verdict()).isNotEqualTo(Verdict.GOOD);
    }

    @Test
    void anImageUnder256PixelsIsFlaggedAsSmall() {
        QualityReport report = compiler.analyze(TestImages.grey("page")).quality();

        assertThat(report.reasons()).anyMatch(r -> r.contains("image smaller than 256 px"));
    }

    private static GreyImage pasteIntoCorner(GreyImage image, int width, int height) {
        byte[] px = new byte[width * height];
        java.util.Arrays.fill(px, (byte) 255);
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), y * image.width(), px, y * width, image.width());
        }
        return new GreyImage(width, height, px);
    }
}
