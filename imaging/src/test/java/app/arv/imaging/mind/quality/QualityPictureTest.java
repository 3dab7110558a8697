package app.arv.imaging.mind.quality;

import app.arv.imaging.TestImages;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.TrackingPoint;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality picture of a half-detailed photo: coffee.png with its right half painted flat grey, so the features
 * are all on the left and the right half has none.
 */
class QualityPictureTest {

    private static final RgbaImage HALF_FLAT = halfFlat();
    private static final MindTarget TARGET = new MindTargetCompiler().analyze(grey(HALF_FLAT)).target();

    private final QualityPicture picture = new QualityPicture();

    @Test
    void thePictureHasTheTargetsSize() {
        RgbaImage drawn = picture.draw(HALF_FLAT.resizedTo(300, 200), TARGET);

        assertThat(drawn.width()).isEqualTo(TARGET.width()).isEqualTo(HALF_FLAT.width());
        assertThat(drawn.height()).isEqualTo(TARGET.height()).isEqualTo(HALF_FLAT.height());
    }

    @Test
    void everyMatchingFeatureIsMarkedWhereTheRuntimePlacesIt() {
        RgbaImage drawn = picture.draw(HALF_FLAT, TARGET);

        List<double[]> features = QualityPicture.features(TARGET);
        assertThat(features).hasSizeGreaterThan(50);
        for (double[] f : features) {
            assertThat(drawn.get((int) f[0], (int) f[1])).as("feature at %.1f, %.1f", f[0], f[1]).isEqualTo(QualityPicture.FEATURE_COLOUR);
        }
    }

    @Test
    void noFeatureMarkAppearsWhereThereIsNoFeature() {
        RgbaImage drawn = picture.draw(HALF_FLAT, TARGET);
        List<double[]> features = QualityPicture.features(TARGET);

        for (int y = 0; y < drawn.height(); y++) {
            for (int x = 0; x < drawn.width(); x++) {
                if (drawn.get(x, y) == QualityPicture.FEATURE_COLOUR) {
                    assertThat(distanceToNearest(features, x + 0.5, y + 0.5)).as("white pixel at %d, %d", x, y).isLessThan(5);
                }
            }
        }
    }

    @Test
    void trackingPointsAreOutlinedWhereTheyAre() {
        RgbaImage drawn = picture.draw(HALF_FLAT, TARGET);
        List<TrackingPoint> points = QualityPicture.trackingPoints(TARGET);
        List<double[]> centres = points.stream().map(p -> QualityPicture.trackingCentre(TARGET, p)).toList();

        long magenta = 0;
        for (int y = 0; y < drawn.height(); y++) {
            for (int x = 0; x < drawn.width(); x++) {
                if (drawn.get(x, y) == QualityPicture.TRACKING_COLOUR) {
                    magenta++;
                    assertThat(distanceToNearest(centres, x + 0.5, y + 0.5)).as("magenta at %d, %d", x, y).isLessThan(6);
                }
            }
        }
        assertThat(points).isNotEmpty();
        assertThat(magenta).isGreaterThan(points.size());
    }

    @Test
    void theHeatMapIsHotWhereFeaturesAreDenseAndColdWhereThereAreNone() {
        RgbaImage plain = flatPortrait(HALF_FLAT.width(), HALF_FLAT.height());
        RgbaImage drawn = picture.draw(plain, TARGET);
        double[] heat = QualityPicture.heat(TARGET);
        List<double[]> marks = new java.util.ArrayList<>(QualityPicture.features(TARGET));
        QualityPicture.trackingPoints(TARGET).forEach(p -> marks.add(QualityPicture.trackingCentre(TARGET, p)));
        int hottestUnmarked = -1;
        for (int i = 0; i < heat.length; i++) {
            int x = i % drawn.width();
            int y = i / drawn.width();
            if ((hottestUnmarked < 0 || heat[i] > heat[hottestUnmarked]) && distanceToNearest(marks, x + 0.5, y + 0.5) > 10) {
                hottestUnmarked = i;
            }
        }

        // far right: no feature anywhere near, so the overlay is the coldest colour (blue over the grey)
        int cold = drawn.get(drawn.width() - 3, drawn.height() / 2);
        int hot = drawn.argb()[hottestUnmarked];

        assertThat(heat[drawn.height() / 2 * drawn.width() + drawn.width() - 3]).isLessThan(0.05);
        assertThat(heat[hottestUnmarked]).isGreaterThan(QualityPicture.HOT_DENSITY);
        assertThat(cold).isEqualTo(QualityPicture.blend(0xff666666, QualityPicture.palette(0), QualityPicture.HEAT_OPACITY));
        assertThat(blue(cold)).isGreaterThan(red(cold) + 80);
        assertThat(hot).isEqualTo(QualityPicture.blend(0xff666666, QualityPicture.palette(1), QualityPicture.HEAT_OPACITY));
        assertThat(red(hot)).isGreaterThan(blue(hot) + 80);
    }

    @Test
    void theTargetsOwnTrackingImageStandsInForAMissingPortrait() throws Exception {
        MindTarget golden = new MindReader().read(TestImages.golden("chelsea")).targets().get(0);

        byte[] png = picture.png(golden);

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(read.getWidth()).isEqualTo(golden.width());
        assertThat(read.getHeight()).isEqualTo(golden.height());
    }

    @Test
    void theSameTargetAndPortraitGiveTheSameBytes() {
        assertThat(picture.png(HALF_FLAT, TARGET)).isEqualTo(picture.png(HALF_FLAT, TARGET));
    }

    private static double distanceToNearest(List<double[]> points, double x, double y) {
        double best = Double.MAX_VALUE;
        for (double[] p : points) {
            best = Math.min(best, Math.hypot(p[0] - x, p[1] - y));
        }
        return best;
    }

    /** Mid grey 0x80 muted by the picture to 0x66 (80 %). */
    private static RgbaImage flatPortrait(int w, int h) {
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0xff808080);
        return new RgbaImage(w, h, px);
    }

    private static RgbaImage halfFlat() {
        try {
            RgbaImage coffee = new RgbaImageLoader(1024).load(TestImages.bytes("images/coffee.png"));
            int[] px = coffee.argb().clone();
            for (int y = 0; y < coffee.height(); y++) {
                for (int x = coffee.width() / 2; x < coffee.width(); x++) {
                    px[y * coffee.width() + x] = 0xff808080;
                }
            }
            return new RgbaImage(coffee.width(), coffee.height(), px);
        } catch (app.arv.imaging.RefusedImageException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreyImage grey(RgbaImage image) {
        byte[] grey = new byte[image.width() * image.height()];
        for (int i = 0; i < grey.length; i++) {
            int p = image.argb()[i];
            grey[i] = (byte) ((((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3);
        }
        return new GreyImage(image.width(), image.height(), grey);
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }
}
