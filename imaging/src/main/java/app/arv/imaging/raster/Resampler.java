package app.arv.imaging.raster;

/**
 * Resizes grey images to round(W*ratio) x round(H*ratio) the way MindAR builds its keyframes and tracking
 * images: a box average over the source pixels a target pixel covers, floored. The reference leaves a pixel
 * black when a target pixel covers no source pixel (upscaling); here upscaling interpolates bilinearly instead.
 */
public final class Resampler {

    private Resampler() {
    }

    public static GreyImage resize(GreyImage image, double ratio) {
        if (ratio > 1.0) {
            return upscale(image, ratio);
        }
        int width = (int) Math.round(image.width() * ratio);
        int height = (int) Math.round(image.height() * ratio);
        byte[] out = new byte[width * height];
        int[] x1 = new int[width];
        int[] x2 = new int[width];
        for (int i = 0; i < width; i++) {
            x1[i] = (int) Math.round(1.0 * i / ratio);
            x2[i] = Math.min((int) Math.round(1.0 * (i + 1) / ratio) - 1, image.width() - 1);
        }
        byte[] src = image.pixels();
        int sw = image.width();
        for (int j = 0; j < height; j++) {
            int y1 = (int) Math.round(1.0 * j / ratio);
            int y2 = Math.min((int) Math.round(1.0 * (j + 1) / ratio) - 1, image.height() - 1);
            for (int i = 0; i < width; i++) {
                int sum = 0;
                for (int yy = y1; yy <= y2; yy++) {
                    int row = yy * sw;
                    for (int xx = x1[i]; xx <= x2[i]; xx++) {
                        sum += src[row + xx] & 0xff;
                    }
                }
                int count = (y2 - y1 + 1) * (x2[i] - x1[i] + 1);
                out[j * width + i] = (byte) (count > 0 ? sum / count : src[Math.min(y1, image.height() - 1) * sw + Math.min(x1[i], sw - 1)]);
            }
        }
        return new GreyImage(width, height, out);
    }

    /**
     * Box-averaged reduction to exactly {@code width} x {@code height}, each axis with its own ratio (a subsampled
     * decode reduced to the size the whole image would have had); no enlarging.
     */
    public static GreyImage resizeTo(GreyImage image, int width, int height) {
        if (width > image.width() || height > image.height() || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("cannot shrink " + image.width() + "x" + image.height() + " to " + width + "x" + height);
        }
        int sw = image.width();
        int sh = image.height();
        byte[] src = image.pixels();
        byte[] out = new byte[width * height];
        for (int j = 0; j < height; j++) {
            int y1 = (int) ((long) j * sh / height);
            int y2 = Math.max(y1 + 1, (int) ((long) (j + 1) * sh / height));
            for (int i = 0; i < width; i++) {
                int x1 = (int) ((long) i * sw / width);
                int x2 = Math.max(x1 + 1, (int) ((long) (i + 1) * sw / width));
                int sum = 0;
                for (int y = y1; y < y2; y++) {
                    int row = y * sw;
                    for (int x = x1; x < x2; x++) {
                        sum += src[row + x] & 0xff;
                    }
                }
                out[j * width + i] = (byte) (sum / ((y2 - y1) * (x2 - x1)));
            }
        }
        return new GreyImage(width, height, out);
    }

    private static GreyImage upscale(GreyImage image, double ratio) {
        int width = (int) Math.round(image.width() * ratio);
        int height = (int) Math.round(image.height() * ratio);
        byte[] out = new byte[width * height];
        int sw = image.width();
        int sh = image.height();
        for (int j = 0; j < height; j++) {
            double sy = Math.max(0, Math.min(sh - 1, (j + 0.5) / ratio - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sh - 1);
            double fy = sy - y0;
            for (int i = 0; i < width; i++) {
                double sx = Math.max(0, Math.min(sw - 1, (i + 0.5) / ratio - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sw - 1);
                double fx = sx - x0;
                double v = (1 - fy) * ((1 - fx) * image.get(x0, y0) + fx * image.get(x1, y0))
                        + fy * ((1 - fx) * image.get(x0, y1) + fx * image.get(x1, y1));
                out[j * width + i] = (byte) Math.min(255, (int) Math.round(v));
            }
        }
        return new GreyImage(width, height, out);
    }
}
