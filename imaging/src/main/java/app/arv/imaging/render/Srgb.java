package app.arv.imaging.render;

/** sRGB transfer tables: lighting and averaging happen on linear values, pictures and textures are sRGB. */
final class Srgb {

    private static final int STEPS = 4096;
    private static final float[] TO_LINEAR = new float[256];
    private static final int[] FROM_LINEAR = new int[STEPS + 1];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            // StrictMath: the same tables, hence the same preview bytes, on every JVM and CPU
            TO_LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4));
        }
        for (int i = 0; i <= STEPS; i++) {
            double l = i / (double) STEPS;
            double s = l <= 0.0031308 ? 12.92 * l : 1.055 * StrictMath.pow(l, 1 / 2.4) - 0.055;
            FROM_LINEAR[i] = (int) Math.round(Math.max(0, Math.min(1, s)) * 255);
        }
    }

    private Srgb() {
    }

    static float linear(int srgb) {
        return TO_LINEAR[srgb];
    }

    /** 0..255 for a linear value (clipped to 0..1). */
    static int encode(double linear) {
        if (!(linear > 0)) {
            return 0;
        }
        return linear >= 1 ? 255 : FROM_LINEAR[(int) (linear * STEPS + 0.5)];
    }
}
