package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.raster.RgbaImage;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The colour variant of {@link ImageLoader} for the image-to-3D generator: same formats and EXIF orientation,
 * but the alpha channel is kept (a cut-out PNG is the best segmentation there is) instead of being composited on
 * white. Huge photos are decoded with integer subsampling, so a 48-megapixel phone photo never needs a
 * full-size raster; the result's long side is at most {@code maxSide}.
 */
public final class RgbaImageLoader {

    private static final long MAX_PIXELS = 100_000_000L;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private final int maxSide;

    public RgbaImageLoader(int maxSide) {
        if (maxSide < ImageLoader.MIN_SIDE) {
            throw new IllegalArgumentException("maximum size must be at least " + ImageLoader.MIN_SIDE + " px");
        }
        this.maxSide = maxSide;
    }

    public RgbaImage load(byte[] file) throws RefusedImageException {
        RgbaImage image = ExifTransform.apply(decode(file), ExifOrientation.of(file));
        if (Math.min(image.width(), image.height()) < ImageLoader.MIN_SIDE) {
            throw new RefusedImageException("image smaller than " + ImageLoader.MIN_SIDE + " px (" + image.width() + "x"
                    + image.height() + ")");
        }
        return image.downscaledTo(maxSide);
    }

    private RgbaImage decode(byte[] file) throws RefusedImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new RefusedImageException("not a readable image (expected JPEG, PNG or WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new RefusedImageException("image too large to decode (" + w + "x" + h + ")");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // decode at no less than twice the wanted size, then box-average: subsampling alone would alias
                int step = Math.max(1, Math.max(w, h) / (2 * maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                return toRgba(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RefusedImageException("corrupt or truncated image: " + e.getMessage(), e);
        }
    }

    /** Grey samples are read from the raster: BufferedImage.getRGB would gamma-shift them. */
    private static RgbaImage toRgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        ColorModel cm = image.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            Raster raster = image.getRaster();
            int bits = cm.getComponentSize(0);
            boolean alpha = cm.hasAlpha();
            int alphaBits = alpha ? cm.getComponentSize(1) : 8;
            int[] v = new int[w];
            int[] a = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, v);
                if (alpha) {
                    raster.getSamples(0, y, w, 1, 1, a);
                }
                for (int x = 0; x < w; x++) {
                    int g = ImageLoader.to8(v[x], bits);
                    int al = alpha ? ImageLoader.to8(a[x], alphaBits) : 255;
                    out[y * w + x] = (al << 24) | (g << 16) | (g << 8) | g;
                }
            }
        } else {
            image.getRGB(0, 0, w, h, out, 0, w);
        }
        return new RgbaImage(w, h, out);
    }
}
