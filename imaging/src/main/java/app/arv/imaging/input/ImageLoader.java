package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.Resampler;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Turns JPEG/PNG/WebP bytes into the grey image the compiler works on: EXIF orientation applied, transparency
 * composited on white, grey = floor((R+G+B)/3) like MindAR, long side limited to a working size. Decoding goes
 * through {@link ImageDecoder} (sniffed type, pixel limit from the header, subsampled decode): an image up to
 * twice the working size is decoded whole and box-averaged exactly as before, a larger one is subsampled while
 * decoding to between one and two times the working size and then box-averaged to it.
 */
public final class ImageLoader {

    public static final int DEFAULT_MAX_SIDE = 1024;
    /** Below this the pyramid has fewer than three octaves and no features can be found. */
    public static final int MIN_SIDE = 32;

    private final int maxSide;
    private final ImageDecoder decoder;

    public ImageLoader() {
        this(DEFAULT_MAX_SIDE);
    }

    /** @param maxSide images whose long side exceeds this are scaled down to it (area averaging) */
    public ImageLoader(int maxSide) {
        this(maxSide, new ImageDecoder());
    }

    public ImageLoader(int maxSide, ImageDecoder decoder) {
        if (maxSide < MIN_SIDE) {
            throw new IllegalArgumentException("maximum working size must be at least " + MIN_SIDE + " px");
        }
        this.maxSide = maxSide;
        this.decoder = decoder;
    }

    public GreyImage load(byte[] file) throws RefusedImageException {
        DecodedImage decoded = decoder.decode(file, maxSide);
        requireTrackableShape(decoded.uprightWidth(), decoded.uprightHeight(), maxSide);
        GreyImage grey = ExifTransform.apply(toGrey(decoded.image()), decoded.orientation());
        if (grey.maxSide() <= maxSide) {
            return grey;
        }
        if (decoded.step() == 1) {
            return Resampler.resize(grey, (double) maxSide / grey.maxSide());
        }
        // Subsampled: exactly the working size the whole image would have been reduced to.
        int[] size = decoded.workingSize(maxSide, grey.width(), grey.height());
        return size[0] == grey.width() && size[1] == grey.height() ? grey : Resampler.resizeTo(grey, size[0], size[1]);
    }

    /**
     * Whether an image of this upright size can be compiled at all, from its size alone (an upload checks it before
     * anything is stored): its short side at least {@value #MIN_SIDE} px, and still so at the working size. The compiler
     * sees the working image, not the original: a 40x4000 strip is 10x1024 there, too narrow for the pyramid's octaves,
     * yet its few features would score well. Refused naming the aspect ratio, which is the cause.
     *
     * @param maxSide the working size the compiler reduces the image to ({@link #DEFAULT_MAX_SIDE} in ARV)
     * @throws RefusedImageException saying why, in the words the compile and the quality report use
     */
    public static void requireTrackableShape(int width, int height, int maxSide) throws RefusedImageException {
        if (Math.min(width, height) < MIN_SIDE) {
            throw new RefusedImageException("image smaller than " + MIN_SIDE + " px (" + width + "x" + height + ")"
                    + ": too small to hold any trackable features");
        }
        double scale = Math.min(1, (double) maxSide / Math.max(width, height));
        int workingWidth = Math.max(1, (int) Math.round(width * scale));
        int workingHeight = Math.max(1, (int) Math.round(height * scale));
        if (Math.min(workingWidth, workingHeight) < MIN_SIDE) {
            long ratio = Math.round((double) Math.max(width, height) / Math.min(width, height));
            throw new RefusedImageException("image too narrow: " + width + "x" + height + " (aspect ratio 1:" + ratio
                    + ") is " + workingWidth + "x" + workingHeight + " px at the working size of " + maxSide
                    + " px, below " + MIN_SIDE + " px on its short side: crop it closer to a square");
        }
    }

    /** Reads samples straight from the raster for grey images: BufferedImage.getRGB would gamma-shift them. */
    /**
     * The same grey levels as the getRGB path below, read straight from the bytes of the two layouts ImageIO decodes
     * 8-bit colour PNG and JPEG into (3-byte BGR, 4-byte ABGR not premultiplied, sRGB): getRGB converts every pixel
     * through the colour model, which was most of the decoding time of a 1024 px image.
     *
     * @return false (and nothing written) for any other layout
     */
    private static boolean interleavedSrgbBytes(BufferedImage image, byte[] out) {
        int type = image.getType();
        int stride = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : type == BufferedImage.TYPE_4BYTE_ABGR ? 4 : 0;
        Raster raster = image.getRaster();
        if (stride == 0 || !image.getColorModel().getColorSpace().isCS_sRGB()
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || buffer.getNumBanks() != 1 || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || model.getPixelStride() != stride || model.getScanlineStride() != image.getWidth() * stride) {
            return false;
        }
        int[] offsets = model.getBandOffsets();
        boolean expected = stride == 3
                ? Arrays.equals(offsets, new int[]{2, 1, 0})
                : Arrays.equals(offsets, new int[]{3, 2, 1, 0});
        if (!expected) {
            return false;
        }
        byte[] data = buffer.getData();
        int base = buffer.getOffset();
        for (int i = 0; i < out.length; i++) {
            int p = base + i * stride;
            int al = stride == 4 ? data[p] & 0xff : 255;
            int b = onWhite(data[p + stride - 3] & 0xff, al);
            int g = onWhite(data[p + stride - 2] & 0xff, al);
            int r = onWhite(data[p + stride - 1] & 0xff, al);
            out[i] = (byte) ((r + g + b) / 3);
        }
        return true;
    }

    static GreyImage toGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (isGrey(image)) {
            readGrey(image, (i, g, al) -> out[i] = (byte) onWhite(g, al));
        } else if (!interleavedSrgbBytes(image, out)) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    int al = argb >>> 24;
                    int r = onWhite((argb >> 16) & 0xff, al);
                    int g = onWhite((argb >> 8) & 0xff, al);
                    int b = onWhite(argb & 0xff, al);
                    out[y * w + x] = (byte) ((r + g + b) / 3);
                }
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Takes one pixel of a grey image: its index (row-major), grey level and alpha, both 8-bit. */
    interface GreyPixels {
        void take(int index, int grey, int alpha);
    }

    /** Whether the image stores grey samples (not a palette): those are read from the raster, as getRGB would gamma-shift them. */
    static boolean isGrey(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel);
    }

    /** Every pixel of a grey image ({@link #isGrey}) scaled to 8 bits, with alpha 255 where it has none. */
    static void readGrey(BufferedImage image, GreyPixels into) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
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
                into.take(y * w + x, to8(v[x], bits), alpha ? to8(a[x], alphaBits) : 255);
            }
        }
    }

    /** A sample of any bit depth scaled to 8 bits. */
    static int to8(int sample, int bits) {
        return bits == 8 ? sample : bits > 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1);
    }

    /** Transparent areas become white paper, as a printed marker would be. */
    static int onWhite(int value, int alpha) {
        return alpha == 255 ? value : (value * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
