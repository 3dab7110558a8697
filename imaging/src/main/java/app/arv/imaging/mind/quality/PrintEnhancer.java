package app.arv.imaging.mind.quality;

import app.arv.imaging.raster.GreyImage;

/**
 * A better print of a weak photo: contrast-limited adaptive histogram equalisation (CLAHE, 8x8 tiles, clip limit
 * 3) brings out texture in dull and flat areas, then a mild unsharp mask (Gaussian sigma 1, amount 0.6) restores
 * the edges the runtime's feature detector looks for. Deterministic, pure Java.
 */
public final class PrintEnhancer {

    private static final int TILES = 8;
    private static final double CLIP_LIMIT = 3.0;
    private static final double SHARPEN_SIGMA = 1.0;
    private static final double SHARPEN_AMOUNT = 0.6;

    public GreyImage enhance(GreyImage image) {
        return sharpen(equalise(image));
    }

    /** The grey-level mapping as applied to a colour image: each pixel's RGB scaled by new grey / old grey. */
    public int[] enhanceArgb(int[] argb, int width, int height) {
        byte[] grey = new byte[width * height];
        for (int i = 0; i < grey.length; i++) {
            int p = argb[i];
            grey[i] = (byte) ((((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3);
        }
        GreyImage enhanced = enhance(new GreyImage(width, height, grey));
        int[] out = new int[argb.length];
        for (int i = 0; i < out.length; i++) {
            int p = argb[i];
            int before = grey[i] & 0xff;
            int after = enhanced.pixels()[i] & 0xff;
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            // shift all channels by the grey change, so grey = floor((R+G+B)/3) follows the enhanced image closely
            int delta = after - before;
            out[i] = (p & 0xff000000) | (clamp(r + delta) << 16) | (clamp(g + delta) << 8) | clamp(b + delta);
        }
        return out;
    }

    static GreyImage equalise(GreyImage image) {
        int w = image.width();
        int h = image.height();
        int tilesX = Math.min(TILES, Math.max(1, w / 16));
        int tilesY = Math.min(TILES, Math.max(1, h / 16));
        int[][][] maps = new int[tilesY][tilesX][];
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                maps[ty][tx] = tileMapping(image, tx * w / tilesX, ty * h / tilesY, (tx + 1) * w / tilesX, (ty + 1) * h / tilesY);
            }
        }
        byte[] out = new byte[w * h];
        double tileW = w / (double) tilesX;
        double tileH = h / (double) tilesY;
        for (int y = 0; y < h; y++) {
            double gy = (y + 0.5) / tileH - 0.5;
            int y0 = clampIndex((int) Math.floor(gy), tilesY);
            int y1 = clampIndex((int) Math.floor(gy) + 1, tilesY);
            double fy = Math.min(1, Math.max(0, gy - Math.floor(gy)));
            if (gy < 0) {
                fy = 0;
            }
            for (int x = 0; x < w; x++) {
                double gx = (x + 0.5) / tileW - 0.5;
                int x0 = clampIndex((int) Math.floor(gx), tilesX);
                int x1 = clampIndex((int) Math.floor(gx) + 1, tilesX);
                double fx = Math.min(1, Math.max(0, gx - Math.floor(gx)));
                if (gx < 0) {
                    fx = 0;
                }
                int v = image.pixels()[y * w + x] & 0xff;
                double top = maps[y0][x0][v] * (1 - fx) + maps[y0][x1][v] * fx;
                double bottom = maps[y1][x0][v] * (1 - fx) + maps[y1][x1][v] * fx;
                out[y * w + x] = (byte) clamp((int) Math.round(top * (1 - fy) + bottom * fy));
            }
        }
        return new GreyImage(w, h, out);
    }

    private static int[] tileMapping(GreyImage image, int x0, int y0, int x1, int y1) {
        int[] histogram = new int[256];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                histogram[image.pixels()[y * image.width() + x] & 0xff]++;
            }
        }
        int pixels = Math.max(1, (x1 - x0) * (y1 - y0));
        // clip and redistribute in fractions, so tiles of slightly different sizes map alike
        double limit = Math.max(1, CLIP_LIMIT * pixels / 256);
        double[] clipped = new double[256];
        double excess = 0;
        for (int i = 0; i < 256; i++) {
            clipped[i] = Math.min(histogram[i], limit);
            excess += histogram[i] - clipped[i];
        }
        int[] map = new int[256];
        double cumulative = 0;
        for (int i = 0; i < 256; i++) {
            cumulative += clipped[i] + excess / 256;
            map[i] = (int) Math.min(255, Math.round(cumulative * 255.0 / pixels));
        }
        return map;
    }

    static GreyImage sharpen(GreyImage image) {
        int w = image.width();
        int h = image.height();
        double[] kernel = gaussian(SHARPEN_SIGMA);
        int r = kernel.length / 2;
        double[] tmp = new double[w * h];
        byte[] px = image.pixels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * (px[y * w + Math.min(w - 1, Math.max(0, x + k))] & 0xff);
                }
                tmp[y * w + x] = s;
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                }
                int v = px[y * w + x] & 0xff;
                out[y * w + x] = (byte) clamp((int) Math.round(v + SHARPEN_AMOUNT * (v - s)));
            }
        }
        return new GreyImage(w, h, out);
    }

    private static double[] gaussian(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    private static int clampIndex(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
