package app.arv.imaging.render;

/**
 * The neutral studio background: a vertical grey gradient from {@code top} to {@code bottom} (equal red, green
 * and blue), light enough that dark and colourful models both stand out.
 */
public record Backdrop(int top, int bottom) {

    public static final Backdrop LIGHT_GREY = new Backdrop(0xF3, 0xD9);

    public Backdrop {
        if (top < 0 || top > 255 || bottom < 0 || bottom > 255) {
            throw new IllegalArgumentException("grey levels are 0..255");
        }
    }

    /** Opaque ARGB at height {@code t} (0 = top row, 1 = bottom row). */
    public int argbAt(double t) {
        int g = (int) Math.round(top + (bottom - top) * Math.max(0, Math.min(1, t)));
        return 0xff000000 | g << 16 | g << 8 | g;
    }
}
