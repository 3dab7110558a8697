package app.arv.imaging;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.raster.GreyImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample images (public-domain scikit-image data) and official-compiler outputs under src/test/resources. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = TestImages.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample image as the compiler sees it, at full size (no working-size reduction). */
    public static GreyImage grey(String name) {
        try {
            return new ImageLoader(4096).load(bytes("images/" + name + ".png"));
        } catch (RefusedImageException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The official mind-ar 1.2.5 compiler's .mind for a sample image. */
    public static byte[] golden(String name) {
        return bytes("golden/" + name + ".mind");
    }

    public static GreyImage flat(int width, int height, int value) {
        byte[] px = new byte[width * height];
        java.util.Arrays.fill(px, (byte) value);
        return new GreyImage(width, height, px);
    }
}
