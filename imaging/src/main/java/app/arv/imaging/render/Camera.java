package app.arv.imaging.render;

/**
 * A pinhole camera looking at a point, with the picture's window framed onto the model. {@link #project} maps a
 * model-space point to picture pixels (x right, y down, pixel centres at +0.5) and the reciprocal of its depth,
 * which is what the rasterizer interpolates linearly across a triangle.
 *
 * <p>Framing is a zoom and shift of the image plane (as a view camera's lens shift): the perspective stays that of
 * the eye point, and the model's projected bounding box ends up centred, its longer side filling the given share
 * of the picture.
 */
public final class Camera {

    private final double[] eye;
    private final double[] right;
    private final double[] up;
    private final double[] back;
    /** 1 / tan(half the vertical field of view). */
    private final double focal;
    private final int width;
    private final int height;
    private final double centreX;
    private final double centreY;
    private final double zoom;

    private Camera(double[] eye, double[] right, double[] up, double[] back, double focal, int width, int height,
            double centreX, double centreY, double zoom) {
        this.eye = eye;
        this.right = right;
        this.up = up;
        this.back = back;
        this.focal = focal;
        this.width = width;
        this.height = height;
        this.centreX = centreX;
        this.centreY = centreY;
        this.zoom = zoom;
    }

    /**
     * @param azimuthDegrees   turn of the eye around the vertical axis through the target, from +z towards +x
     * @param elevationDegrees height of the eye above the target's horizontal plane
     */
    public static Camera looking(double[] target, double azimuthDegrees, double elevationDegrees, double distance,
            double verticalFovDegrees, int width, int height) {
        double az = Math.toRadians(azimuthDegrees);
        double el = Math.toRadians(elevationDegrees);
        double[] back = {Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)};
        double[] eye = {target[0] + distance * back[0], target[1] + distance * back[1], target[2] + distance * back[2]};
        double[] right = normalised(cross(new double[]{0, 1, 0}, back));
        double[] up = cross(back, right);
        return new Camera(eye, right, up, back, 1 / Math.tan(Math.toRadians(verticalFovDegrees) / 2), width, height, 0, 0, 1);
    }

    /**
     * The product-shot view of a model: from the front, a little to the right (35 degrees) and above (20 degrees),
     * far enough for a mild perspective, framed so the model fills {@code fill} of the picture.
     */
    public static Camera threeQuarter(float[] positions, int width, int height, double fill) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < positions.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                min[c] = Math.min(min[c], positions[i + c]);
                max[c] = Math.max(max[c], positions[i + c]);
            }
        }
        double[] centre = new double[3];
        double radius = 0;
        for (int c = 0; c < 3; c++) {
            centre[c] = (min[c] + max[c]) / 2;
            radius += (max[c] - min[c]) * (max[c] - min[c]) / 4;
        }
        radius = Math.max(1e-6, Math.sqrt(radius));
        return looking(centre, 35, 20, 3.5 * radius, 30, width, height).framing(positions, fill);
    }

    /** The same eye, its window zoomed and shifted so the points' projection is centred and fills {@code fill}. */
    public Camera framing(float[] positions, double fill) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < positions.length; i += 3) {
            double[] v = view(positions[i], positions[i + 1], positions[i + 2]);
            if (v[2] <= 0) {
                continue;
            }
            double x = v[0] * focal / v[2];
            double y = v[1] * focal / v[2];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        if (minX > maxX) {
            return this;
        }
        double aspect = width / (double) height;
        // the window spans [-aspect, aspect] x [-1, 1] at zoom 1
        double extent = Math.max((maxX - minX) / aspect, maxY - minY) / 2;
        double newZoom = extent < 1e-12 ? 1 : fill / extent;
        return new Camera(eye, right, up, back, focal, width, height, (minX + maxX) / 2, (minY + maxY) / 2, newZoom);
    }

    /**
     * @param out {pixel x, pixel y, 1 / depth}
     * @return false when the point is not in front of the eye (out is then undefined)
     */
    public boolean project(double x, double y, double z, double[] out) {
        double[] v = view(x, y, z);
        if (v[2] <= 1e-9) {
            return false;
        }
        double ndcX = (v[0] * focal / v[2] - centreX) * zoom;
        double ndcY = (v[1] * focal / v[2] - centreY) * zoom;
        out[0] = (ndcX / (width / (double) height) + 1) / 2 * width;
        out[1] = (1 - ndcY) / 2 * height;
        out[2] = 1 / v[2];
        return true;
    }

    /** Unit vector from the target towards the eye. */
    public double[] towardsEye() {
        return back.clone();
    }

    /** Unit vector pointing right in the picture. */
    public double[] right() {
        return right.clone();
    }

    /** Unit vector pointing up in the picture. */
    public double[] up() {
        return up.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {along right, along up, depth in front of the eye}. */
    private double[] view(double x, double y, double z) {
        double dx = x - eye[0];
        double dy = y - eye[1];
        double dz = z - eye[2];
        return new double[]{dx * right[0] + dy * right[1] + dz * right[2], dx * up[0] + dy * up[1] + dz * up[2],
                -(dx * back[0] + dy * back[1] + dz * back[2])};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalised(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[]{v[0] / l, v[1] / l, v[2] / l};
    }
}
