package app.arv.imaging.segment;

/**
 * Which pixels of a working image belong to the object: {@code inside[y * width + x] != 0}. Row-major bytes rather
 * than booleans so the morphology runs over a flat primitive array.
 */
public record ObjectMask(int width, int height, byte[] inside) {

    public ObjectMask {
        if (inside.length != width * height) {
            throw new IllegalArgumentException("mask size " + width + "x" + height + " does not match " + inside.length);
        }
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && inside[y * width + x] != 0;
    }

    public int area() {
        int n = 0;
        for (byte b : inside) {
            n += b;
        }
        return n;
    }

    /** {minX, minY, maxX, maxY} inclusive, or null for an empty mask. */
    public int[] bounds() {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside[y * width + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[]{minX, minY, maxX, maxY};
    }
}
