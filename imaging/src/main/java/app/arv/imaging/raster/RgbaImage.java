package app.arv.imaging.raster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A colour image as packed non-premultiplied ARGB ints, row-major. Used where colour and transparency matter
 * (the image-to-3D generator); the target compiler keeps working on {@link GreyImage}.
 */
public record RgbaImage(int width, int height, int[] argb) {

    public RgbaImage {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height + " for " + argb.length + " pixels");
        }
    }

    /** The image as a PNG without its alpha channel (what pictures for people are: opaque). */
    public byte[] opaquePng() {
        return png(BufferedImage.TYPE_INT_RGB);
    }

    /** The image as a PNG with its alpha channel (a texture's cut-out or translucency). */
    public byte[] png() {
        return png(BufferedImage.TYPE_INT_ARGB);
    }

    /** The image as a baseline JPEG of {@code quality} (0..1), without its alpha channel and without EXIF: stored upright. */
    public byte[] opaqueJpeg(float quality) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private byte[] png(int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }

    public int maxSide() {
        return Math.max(width, height);
    }

    /** True when some pixel is noticeably transparent, i.e. the file carries a usable cut-out. */
    public boolean hasTransparency() {
        for (int p : argb) {
            if ((p >>> 24) < 250) {
                return true;
            }
        }
        return false;
    }

    /**
     * Box-averaged reduction so the long side is at most {@code maxSide}. Colours are averaged weighted by alpha,
     * so transparent pixels (whose colour is arbitrary, often black) do not darken the cut-out's edge.
     */
    public RgbaImage downscaledTo(int maxSide) {
        if (maxSide() <= maxSide) {
            return this;
        }
        double ratio = (double) maxSide / maxSide();
        return shrunkTo(Math.max(1, (int) Math.round(width * ratio)), Math.max(1, (int) Math.round(height * ratio)));
    }

    /** Box-averaged (alpha-weighted) reduction to exactly w x h, each axis scaled on its own; no enlarging. */
    public RgbaImage shrunkTo(int w, int h) {
        if (w > width || h > height || w <= 0 || h <= 0) {
            throw new IllegalArgumentException("cannot shrink " + width + "x" + height + " to " + w + "x" + h);
        }
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            int y1 = (int) ((long) j * height / h);
            int y2 = Math.max(y1 + 1, (int) ((long) (j + 1) * height / h));
            for (int i = 0; i < w; i++) {
                int x1 = (int) ((long) i * width / w);
                int x2 = Math.max(x1 + 1, (int) ((long) (i + 1) * width / w));
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = y1; y < y2; y++) {
                    int row = y * width;
                    for (int x = x1; x < x2; x++) {
                        int p = argb[row + x];
                        int al = p >>> 24;
                        a += al;
                        r += (long) ((p >> 16) & 0xff) * al;
                        g += (long) ((p >> 8) & 0xff) * al;
                        b += (long) (p & 0xff) * al;
                    }
                }
                int n = (y2 - y1) * (x2 - x1);
                int pa = (int) ((a + n / 2) / n);
                int pr = a == 0 ? 0 : (int) ((r + a / 2) / a);
                int pg = a == 0 ? 0 : (int) ((g + a / 2) / a);
                int pb = a == 0 ? 0 : (int) ((b + a / 2) / a);
                out[j * w + i] = (pa << 24) | (pr << 16) | (pg << 8) | pb;
            }
        }
        return new RgbaImage(w, h, out);
    }

    /** Any size: box-averaged where an axis shrinks, then bilinear where it grows. */
    public RgbaImage resizedTo(int w, int h) {
        RgbaImage shrunk = w < width || h < height ? shrunkTo(Math.min(w, width), Math.min(h, height)) : this;
        if (shrunk.width == w && shrunk.height == h) {
            return shrunk;
        }
        int[] src = shrunk.argb;
        int sw = shrunk.width;
        int sh = shrunk.height;
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            double sy = Math.max(0, Math.min(sh - 1, (j + 0.5) * sh / h - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sh - 1);
            double fy = sy - y0;
            for (int i = 0; i < w; i++) {
                double sx = Math.max(0, Math.min(sw - 1, (i + 0.5) * sw / w - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sw - 1);
                double fx = sx - x0;
                int p = 0;
                for (int shift = 0; shift <= 24; shift += 8) {
                    double top = ((src[y0 * sw + x0] >>> shift) & 0xff) * (1 - fx) + ((src[y0 * sw + x1] >>> shift) & 0xff) * fx;
                    double bottom = ((src[y1 * sw + x0] >>> shift) & 0xff) * (1 - fx) + ((src[y1 * sw + x1] >>> shift) & 0xff) * fx;
                    p |= ((int) Math.round(top * (1 - fy) + bottom * fy) & 0xff) << shift;
                }
                out[j * w + i] = p;
            }
        }
        return new RgbaImage(w, h, out);
    }
}
