package app.arv.imaging.render;

import app.arv.imaging.TestImages;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The previews of generated models, read back from their PNG bytes as a client gets them. */
class ModelPreviewTest {

    private static final GenerationOptions OPTIONS = new GenerationOptions(10_000, TextureQuality.STANDARD);
    private static final Map<String, byte[]> PREVIEWS = new HashMap<>();

    /** Differs from the backdrop behind it by more than this in some channel: the model is there. */
    private static final int OBJECT_DIFFERENCE = 12;

    private static synchronized byte[] preview(String image) throws Exception {
        if (!PREVIEWS.containsKey(image)) {
            GeneratedModel model = new LocalModelGenerator().generate(TestImages.bytes("images/" + image), OPTIONS);
            PREVIEWS.put(image, model.previewPng());
        }
        return PREVIEWS.get(image);
    }

    private static BufferedImage picture(String image) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(preview(image)));
    }

    private static int backdropAt(BufferedImage picture, int y) {
        return Backdrop.LIGHT_GREY.argbAt((y + 0.5) / picture.getHeight());
    }

    private static boolean isObject(BufferedImage picture, int x, int y) {
        int pixel = picture.getRGB(x, y);
        int backdrop = backdropAt(picture, y);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((pixel >> shift) & 0xff) - ((backdrop >> shift) & 0xff)) > OBJECT_DIFFERENCE) {
                return true;
            }
        }
        return false;
    }

    @Test
    void thePreviewIsAnOpaquePngOfAtLeast512PixelsASide() throws Exception {
        byte[] png = preview("coffee.png");

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(picture.getWidth()).isGreaterThanOrEqualTo(512).isEqualTo(ModelPreview.SIZE);
        assertThat(picture.getHeight()).isGreaterThanOrEqualTo(512).isEqualTo(ModelPreview.SIZE);
        assertThat(picture.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void theSameModelGivesTheSamePicture() throws Exception {
        byte[] again = new LocalModelGenerator().generate(TestImages.bytes("images/coffee.png"), OPTIONS).previewPng();

        assertThat(again).isEqualTo(preview("coffee.png"));
    }

    @Test
    void theModelIsCentredAndCoversASensibleShareOfThePicture() throws Exception {
        BufferedImage picture = picture("horse.png");
        int size = picture.getWidth();

        int minX = size;
        int maxX = -1;
        int minY = size;
        int maxY = -1;
        long covered = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (isObject(picture, x, y)) {
                    covered++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }

        assertThat((minX + maxX) / 2.0).isBetween(size * 0.47, size * 0.53);
        assertThat((minY + maxY) / 2.0).isBetween(size * 0.47, size * 0.53);
        assertThat(Math.max(maxX - minX, maxY - minY) + 1.0).isBetween(size * 0.75, size * 0.85);
        assertThat(covered / (double) (size * size)).isBetween(0.15, 0.8);
    }

    @Test
    void theBackgroundIsTheNeutralLightGreyGradient() throws Exception {
        BufferedImage picture = picture("coffee.png");
        int size = picture.getWidth();

        // the frame's outer band (the model fills only the middle 80 %) is all background
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (x >= size / 20 && x < size - size / 20 && y >= size / 20 && y < size - size / 20) {
                    continue;
                }
                int pixel = picture.getRGB(x, y);
                int expected = backdropAt(picture, y) & 0xff;
                assertThat(Shapes.red(pixel)).as("(%d, %d)", x, y).isEqualTo(Shapes.green(pixel)).isEqualTo(Shapes.blue(pixel));
                assertThat(Shapes.red(pixel)).as("(%d, %d)", x, y).isBetween(expected - 1, expected + 1);
            }
        }
        assertThat(Shapes.red(picture.getRGB(0, 0))).isGreaterThan(Shapes.red(picture.getRGB(0, size - 1)));
        assertThat(Shapes.red(picture.getRGB(0, size - 1))).isGreaterThanOrEqualTo(0xD0);
    }

    @Test
    void theModelIsLitNeitherBlackNorWashedOut() throws Exception {
        BufferedImage picture = picture("coffee.png");

        double sum = 0;
        long n = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                if (isObject(picture, x, y)) {
                    sum += Shapes.luma(picture.getRGB(x, y));
                    n++;
                }
            }
        }

        assertThat(n).isPositive();
        assertThat(sum / n).isBetween(50.0, 200.0);
    }

    @Test
    void aSceneWithoutVerticesIsJustTheBackdrop() {
        int middle = ModelPreview.SIZE / 2;

        RgbaImage empty = new ModelPreview().render(new Scene(new float[0], new float[0], null, List.of()));

        int pixel = empty.get(middle, middle);
        int expected = Backdrop.LIGHT_GREY.argbAt((middle + 0.5) / ModelPreview.SIZE) & 0xff;
        assertThat(Shapes.red(pixel)).isEqualTo(Shapes.green(pixel)).isEqualTo(Shapes.blue(pixel)).isBetween(expected - 1, expected + 1);
    }
}
