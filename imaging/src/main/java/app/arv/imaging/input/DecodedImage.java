package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;

import java.awt.image.BufferedImage;

/**
 * A decoded image as stored (not yet turned upright): the header it was decoded from, the pixels (every
 * {@code step}-th row and column of the original), and its EXIF orientation (1..8) for the caller to apply.
 */
public record DecodedImage(ImageHeader header, BufferedImage image, int step, int orientation) {

    /** Width of the whole image once turned upright (orientations 5..8 swap the sides). */
    public int uprightWidth() {
        return orientation >= 5 ? header.height() : header.width();
    }

    /** Height of the whole image once turned upright. */
    public int uprightHeight() {
        return orientation >= 5 ? header.width() : header.height();
    }

    /**
     * Refuses an image whose short side is below {@code minSide}, saying why that matters to the
     * caller ({@code consequence}, or nothing).
     */
    public void requireShortSide(int minSide, String consequence) throws RefusedImageException {
        int width = uprightWidth();
        int height = uprightHeight();
        if (Math.min(width, height) < minSide) {
            throw new RefusedImageException("image smaller than " + minSide + " px (" + width + "x" + height + ")" + consequence);
        }
    }

    /**
     * The size, at most the upright pixels at hand, the whole image has when its long side is reduced
     * to {@code maxSide}: what the caller shrinks to, whatever subsampling already left.
     *
     * @return {width, height}
     */
    public int[] workingSize(int maxSide, int uprightPixelsWide, int uprightPixelsHigh) {
        double ratio = (double) maxSide / Math.max(uprightWidth(), uprightHeight());
        return new int[]{Math.min(uprightPixelsWide, Math.max(1, (int) Math.round(uprightWidth() * ratio))),
                Math.min(uprightPixelsHigh, Math.max(1, (int) Math.round(uprightHeight() * ratio)))};
    }
}
