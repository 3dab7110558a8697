package app.arv.imaging;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.raster.GreyImage;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

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

    /**
     * The picture enlarged (bilinear) to {@code width} pixels, its height in proportion, and saved as JPEG: a sample
     * the size of a phone camera's photo (coffee.png at 4020 pixels is 4020 x 2680, a 12-megapixel photo).
     */
    public static byte[] enlargedJpeg(byte[] png, int width) {
        try {
            BufferedImage in = ImageIO.read(new ByteArrayInputStream(png));
            int height = in.getHeight() * width / in.getWidth();
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(in, 0, 0, width, height, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "jpeg", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
