package app.arv.imaging.input;

/**
 * What an image file says about itself before any pixel is decoded: its sniffed type, its declared size
 * and the bits a decoded pixel takes (16-bit RGBA: 64), so the cost of decoding is known up front.
 */
public record ImageHeader(String mediaType, int width, int height, int bitsPerPixel) {

    public long pixels() {
        return (long) width * height;
    }

    public int longestSide() {
        return Math.max(width, height);
    }
}
