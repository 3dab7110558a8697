package app.arv.imaging.mind.detect;

/**
 * A float32 image. The reference runs every detector stage on float32 tensors, so intermediate values are
 * rounded to float after each stage exactly where it does; reads outside the image clamp to the border.
 */
final class Plane {

    final int width;
    final int height;
    final float[] v;

    Plane(int width, int height) {
        this(width, height, new float[width * height]);
    }

    Plane(int width, int height, float[] v) {
        this.width = width;
        this.height = height;
        this.v = v;
    }

    float at(int x, int y) {
        int cx = x < 0 ? 0 : (x >= width ? width - 1 : x);
        int cy = y < 0 ? 0 : (y >= height ? height - 1 : y);
        return v[cy * width + cx];
    }
}
