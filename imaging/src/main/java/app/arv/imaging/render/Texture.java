package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

/** Bilinear, clamp-to-edge sampling of an sRGB texture into linear colour, glTF orientation (v = 0 is the top row). */
final class Texture {

    private final int width;
    private final int height;
    private final int[] argb;

    Texture(RgbaImage image) {
        this.width = image.width();
        this.height = image.height();
        this.argb = image.argb();
    }

    /** @param out linear r, g, b */
    void sample(double u, double v, float[] out) {
        double x = Math.max(0, Math.min(width - 1, u * width - 0.5));
        double y = Math.max(0, Math.min(height - 1, v * height - 0.5));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        int a = argb[y0 * width + x0];
        int b = argb[y0 * width + x1];
        int c = argb[y1 * width + x0];
        int d = argb[y1 * width + x1];
        for (int channel = 0, shift = 16; channel < 3; channel++, shift -= 8) {
            float top = Srgb.linear((a >> shift) & 0xff) * (1 - fx) + Srgb.linear((b >> shift) & 0xff) * fx;
            float bottom = Srgb.linear((c >> shift) & 0xff) * (1 - fx) + Srgb.linear((d >> shift) & 0xff) * fx;
            out[channel] = top * (1 - fy) + bottom * fy;
        }
    }
}
