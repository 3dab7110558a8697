package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;

/**
 * The header declares more pixels than the limit: refused before decoding, since decoding cost follows the
 * pixel count, not the file size (a tiny PNG can declare 50000x50000).
 */
public class ImageTooLargeException extends RefusedImageException {

    private final int width;
    private final int height;
    private final long maxPixels;

    public ImageTooLargeException(int width, int height, long maxPixels) {
        super("image of " + width + "x" + height + " pixels; at most " + maxPixels + " pixels are accepted");
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
