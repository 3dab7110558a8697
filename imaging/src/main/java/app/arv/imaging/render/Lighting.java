package app.arv.imaging.render;

/**
 * White studio lights fixed to the camera, so every model is lit the same way in its picture: a key light from
 * the upper left in front (Lambert), a softer fill from the right (half-Lambert, which never falls to black) and a
 * hemisphere ambient (brighter from above). {@link #irradiance} is the light reaching a surface of that normal.
 */
public final class Lighting {

    static final double KEY = 0.85;
    static final double FILL = 0.35;
    static final double SKY = 0.30;
    static final double GROUND = 0.14;

    private final double[] key;
    private final double[] fill;
    private final double[] worldUp;

    private Lighting(double[] key, double[] fill, double[] worldUp) {
        this.key = key;
        this.fill = fill;
        this.worldUp = worldUp;
    }

    public static Lighting studio(Camera camera) {
        return new Lighting(fromCamera(camera, -0.55, 0.65, 0.55), fromCamera(camera, 0.75, -0.1, 0.6), new double[]{0, 1, 0});
    }

    /** @param nx the surface normal (unit length) */
    public double irradiance(double nx, double ny, double nz) {
        double k = nx * key[0] + ny * key[1] + nz * key[2];
        double f = 0.5 * (nx * fill[0] + ny * fill[1] + nz * fill[2]) + 0.5;
        double h = 0.5 * (nx * worldUp[0] + ny * worldUp[1] + nz * worldUp[2]) + 0.5;
        return KEY * Math.max(0, k) + FILL * f * f + GROUND + (SKY - GROUND) * h;
    }

    /** A unit direction given as amounts along the picture's right, up and towards the viewer. */
    private static double[] fromCamera(Camera camera, double r, double u, double b) {
        double[] right = camera.right();
        double[] up = camera.up();
        double[] back = camera.towardsEye();
        double[] d = new double[3];
        for (int c = 0; c < 3; c++) {
            d[c] = r * right[c] + u * up[c] + b * back[c];
        }
        double l = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        return new double[]{d[0] / l, d[1] / l, d[2] / l};
    }
}
