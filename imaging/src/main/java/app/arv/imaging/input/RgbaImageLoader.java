package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.raster.RgbaImage;

import java.awt.image.BufferedImage;

/**
 * The colour variant of {@link ImageLoader} for the image-to-3D generator: same decoding path and EXIF
 * orientation, but the alpha channel is kept (a cut-out PNG is the best segmentation there is) instead of being
 * composited on white. Huge photos are subsampled while decoding ({@link ImageDecoder}), so a 48-megapixel phone
 * photo never needs a full-size raster; the result's long side is at most {@code maxSide}.
 */
public final class RgbaImageLoader {

    private final int maxSide;
    private final ImageDecoder decoder;

    public RgbaImageLoader(int maxSide) {
        this(maxSide, new ImageDecoder());
    }

    public RgbaImageLoader(int maxSide, ImageDecoder decoder) {
        if (maxSide < ImageLoader.MIN_SIDE) {
            throw new IllegalArgumentException("maximum size must be at least " + ImageLoader.MIN_SIDE + " px");
        }
        this.maxSide = maxSide;
        this.decoder = decoder;
    }

    public RgbaImage load(byte[] file) throws RefusedImageException {
        DecodedImage decoded = decoder.decode(file, maxSide);
        decoded.requireShortSide(ImageLoader.MIN_SIDE, "");
        RgbaImage image = ExifTransform.apply(toRgba(decoded.image()), decoded.orientation());
        if (Math.max(decoded.uprightWidth(), decoded.uprightHeight()) <= maxSide) {
            return image;
        }
        int[] size = decoded.workingSize(maxSide, image.width(), image.height());
        return image.width() == size[0] && image.height() == size[1] ? image : image.shrunkTo(size[0], size[1]);
    }

    /** Grey samples are read from the raster ({@link ImageLoader#readGrey}): BufferedImage.getRGB would gamma-shift them. */
    private static RgbaImage toRgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        if (ImageLoader.isGrey(image)) {
            ImageLoader.readGrey(image, (i, g, al) -> out[i] = (al << 24) | (g << 16) | (g << 8) | g);
        } else {
            image.getRGB(0, 0, w, h, out, 0, w);
        }
        return new RgbaImage(w, h, out);
    }
}
