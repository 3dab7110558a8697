package app.arv.imaging.model3d;

import app.arv.imaging.gltf.GlbWriter.EncodedImage;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.segment.ObjectMask;

/**
 * The photo cropped to the object, as the model's texture. Texture coordinates are a planar projection of the
 * working image: {@link #u(double)} and {@link #v(double)} map working-image pixels into [0, 1] over the crop.
 * Texels outside the outline are filled by pushing the object's edge colours outwards, so bilinear filtering and
 * mipmaps at the rim never pull in background colour.
 */
final class PhotoTexture {

    /** JPEG keeps a 2048-px photo texture around 0.5 MB; PNG would be several times larger for no visible gain. */
    private static final float JPEG_QUALITY = 0.9f;
    private static final int BLEED_PASSES = 16;

    private final double x0;
    private final double y0;
    private final double width;
    private final double height;
    private final int textureWidth;
    private final int textureHeight;
    private final EncodedImage image;

    private PhotoTexture(double x0, double y0, double width, double height, int textureWidth, int textureHeight,
            EncodedImage image) {
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
        this.textureWidth = textureWidth;
        this.textureHeight = textureHeight;
        this.image = image;
    }

    /**
     * @param source the photo at texture resolution; {@code working} the same photo at mask resolution
     */
    static PhotoTexture of(RgbaImage source, RgbaImage working, ObjectMask mask, int maxSide) {
        int[] b = mask.bounds();
        double k = (double) source.width() / working.width();
        int margin = 2;
        int sx0 = (int) Math.floor(Math.max(0, b[0] - margin) * k);
        int sy0 = (int) Math.floor(Math.max(0, b[1] - margin) * k);
        int sx1 = Math.min(source.width(), (int) Math.ceil(Math.min(working.width(), b[2] + 1 + margin) * k));
        int sy1 = Math.min(source.height(), (int) Math.ceil(Math.min(working.height(), b[3] + 1 + margin) * k));
        RgbaImage full = crop(source, sx0, sy0, sx1 - sx0, sy1 - sy0);
        // power-of-two sides: mipmaps and REPEAT-free sampling everywhere, even on WebGL 1 viewers
        RgbaImage crop = full.resizedTo(nearestPowerOfTwo(full.width(), maxSide), nearestPowerOfTwo(full.height(), maxSide));
        double cx0 = sx0 / k;
        double cy0 = sy0 / k;
        double cw = (sx1 - sx0) / k;
        double ch = (sy1 - sy0) / k;
        int tw = crop.width();
        int th = crop.height();
        int[] rgb = crop.argb().clone();
        byte[] known = new byte[tw * th];
        for (int j = 0; j < th; j++) {
            int my = (int) Math.floor(cy0 + (j + 0.5) / th * ch);
            for (int i = 0; i < tw; i++) {
                int mx = (int) Math.floor(cx0 + (i + 0.5) / tw * cw);
                boolean opaque = (rgb[j * tw + i] >>> 24) >= 128;
                known[j * tw + i] = (byte) (mask.contains(mx, my) && opaque ? 1 : 0);
            }
        }
        bleed(rgb, known, tw, th, meanColour(working, mask));
        return new PhotoTexture(cx0, cy0, cw, ch, tw, th, new EncodedImage(jpeg(rgb, tw, th), "image/jpeg"));
    }

    /** The power of two nearest to n on a log scale (so at most ~1.41x up or down), capped at max. */
    static int nearestPowerOfTwo(int n, int max) {
        int below = Integer.highestOneBit(Math.max(1, n));
        int nearest = n > below * Math.sqrt(2) ? 2 * below : below;
        return Math.min(max, nearest);
    }

    double u(double workingX) {
        return Math.max(0, Math.min(1, (workingX - x0) / width));
    }

    double v(double workingY) {
        return Math.max(0, Math.min(1, (workingY - y0) / height));
    }

    int width() {
        return textureWidth;
    }

    int height() {
        return textureHeight;
    }

    EncodedImage image() {
        return image;
    }

    static RgbaImage crop(RgbaImage image, int x, int y, int w, int h) {
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            System.arraycopy(image.argb(), (y + j) * image.width() + x, out, j * w, w);
        }
        return new RgbaImage(w, h, out);
    }

    /** sRGB mean of the object's pixels, as 0xRRGGBB. */
    static int meanColour(RgbaImage working, ObjectMask mask) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        int[] px = working.argb();
        for (int i = 0; i < px.length; i++) {
            if (mask.inside()[i] != 0) {
                r += (px[i] >> 16) & 0xff;
                g += (px[i] >> 8) & 0xff;
                b += px[i] & 0xff;
                n++;
            }
        }
        if (n == 0) {
            return 0x808080;
        }
        return (int) ((r / n) << 16 | (g / n) << 8 | (b / n));
    }

    /** Unknown texels take the average of their known 8-neighbours, pass by pass; what is left gets the mean. */
    private static void bleed(int[] rgb, byte[] known, int w, int h, int fallback) {
        byte[] next = known.clone();
        for (int pass = 0; pass < BLEED_PASSES; pass++) {
            boolean changed = false;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (known[p] != 0) {
                        continue;
                    }
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    int n = 0;
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                            int q = yy * w + xx;
                            if (known[q] != 0) {
                                r += (rgb[q] >> 16) & 0xff;
                                g += (rgb[q] >> 8) & 0xff;
                                b += rgb[q] & 0xff;
                                n++;
                            }
                        }
                    }
                    if (n > 0) {
                        rgb[p] = 0xff000000 | (r / n) << 16 | (g / n) << 8 | (b / n);
                        next[p] = 1;
                        changed = true;
                    }
                }
            }
            System.arraycopy(next, 0, known, 0, known.length);
            if (!changed) {
                break;
            }
        }
        for (int p = 0; p < rgb.length; p++) {
            rgb[p] = known[p] != 0 ? (0xff000000 | rgb[p]) : (0xff000000 | fallback);
        }
    }

    static byte[] jpeg(int[] rgb, int w, int h) {
        return new RgbaImage(w, h, rgb).opaqueJpeg(JPEG_QUALITY);
    }
}
