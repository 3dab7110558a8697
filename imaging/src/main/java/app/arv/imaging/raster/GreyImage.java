package app.arv.imaging.raster;

/** An 8-bit grey image, row-major, the only pixel format the compiler works on. */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("bad grey image " + width + "x" + height + " with " + pixels.length + " bytes");
        }
    }

    public int get(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    public int minSide() {
        return Math.min(width, height);
    }

    public int maxSide() {
        return Math.max(width, height);
    }
}
