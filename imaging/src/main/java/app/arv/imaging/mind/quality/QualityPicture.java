package app.arv.imaging.mind.quality;

import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.TrackingImage;
import app.arv.imaging.mind.format.TrackingPoint;
import app.arv.imaging.raster.RgbaImage;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality report as a picture, drawn from the compiled target's own data, at the target's size:
 * <ul>
 * <li>the portrait, muted (less colour, a little darker) so the marks read on any photo;</li>
 * <li>a coverage heat map: the density of matching features over all keyframes (as in {@link DetectionFeatures}'
 * coverage), smoothed and compared with an even spread of the same number of features — blue where there are none,
 * green where the density is even, red where features crowd at twice the even density or more;</li>
 * <li>{@linkplain #TRACKING_COLOUR magenta} hollow squares on the tracking points of the image the runtime tracks with,
 * and white dots with a dark ring on the matching features of the largest keyframe, where the runtime places them:
 * {@code ((x + 0.5) / scale, (y + 0.5) / scale)}.</li>
 * </ul>
 * Pixels only (no text, so no fonts on a headless server); deterministic.
 */
public final class QualityPicture {

    public static final String MEDIA_TYPE = "image/png";
    /** Raise with every change to what is drawn: stored pictures' validators (ETags) include it. */
    public static final int VERSION = 1;
    public static final int FEATURE_COLOUR = 0xffffffff;
    public static final int RING_COLOUR = 0xff202020;
    public static final int TRACKING_COLOUR = 0xffff00ff;
    /** Heat-map cells per long side, before smoothing. */
    static final int CELLS = 32;
    static final double HEAT_OPACITY = 0.45;
    /** Density, relative to an even spread, drawn in the hottest colour. */
    static final double HOT_DENSITY = 2.0;

    /** The picture over the target's own tracking image (grey), for when the original portrait is not at hand. */
    public RgbaImage draw(MindTarget target) {
        TrackingImage tracking = target.trackingImages().get(0);
        int[] grey = new int[tracking.width() * tracking.height()];
        for (int i = 0; i < grey.length; i++) {
            int g = tracking.pixels()[i] & 0xff;
            grey[i] = 0xff000000 | g << 16 | g << 8 | g;
        }
        return draw(new RgbaImage(tracking.width(), tracking.height(), grey), target);
    }

    /** @param portrait the image the target was compiled from, at any size (it is resized to the target's) */
    public RgbaImage draw(RgbaImage portrait, MindTarget target) {
        int w = target.width();
        int h = target.height();
        RgbaImage base = portrait.width() == w && portrait.height() == h ? portrait : portrait.resizedTo(w, h);
        int[] out = new int[w * h];
        double[] heat = heat(target);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int heatColour = palette(heat[y * w + x] / HOT_DENSITY);
                out[y * w + x] = blend(muted(base.get(x, y)), heatColour, HEAT_OPACITY);
            }
        }
        double size = Math.max(w, h);
        Canvas canvas = new Canvas(out, w, h);
        double half = Math.max(3, size / 200);
        for (TrackingPoint p : trackingPoints(target)) {
            double[] c = trackingCentre(target, p);
            canvas.square(c[0], c[1], half, Math.max(1, size / 600), TRACKING_COLOUR);
        }
        double radius = Math.max(2, size / 300);
        List<double[]> features = features(target);
        // every ring first, then every dot: a neighbour's ring never covers a feature's centre
        for (double[] f : features) {
            canvas.disc(f[0], f[1], radius + 1.2, RING_COLOUR);
        }
        for (double[] f : features) {
            canvas.disc(f[0], f[1], radius, FEATURE_COLOUR);
        }
        return new RgbaImage(w, h, out);
    }

    public byte[] png(RgbaImage portrait, MindTarget target) {
        return draw(portrait, target).opaquePng();
    }

    public byte[] png(MindTarget target) {
        return draw(target).opaquePng();
    }

    /** Centres (target pixels, continuous: pixel i spans [i, i + 1)) of the largest keyframe's matching features. */
    public static List<double[]> features(MindTarget target) {
        List<double[]> out = new ArrayList<>();
        if (target.keyframes().isEmpty()) {
            return out;
        }
        Keyframe k = target.keyframes().get(0);
        for (List<FeaturePoint> points : List.of(k.maximaPoints(), k.minimaPoints())) {
            for (FeaturePoint p : points) {
                out.add(new double[]{(p.x() + 0.5) / k.scale(), (p.y() + 0.5) / k.scale()});
            }
        }
        return out;
    }

    /** The tracking points of the image the runtime tracks with (the last, smallest one). */
    public static List<TrackingPoint> trackingPoints(MindTarget target) {
        List<TrackingImage> tracking = target.trackingImages();
        return tracking.isEmpty() ? List.of() : tracking.get(tracking.size() - 1).points();
    }

    /** A tracking point's centre in target pixels. */
    public static double[] trackingCentre(MindTarget target, TrackingPoint p) {
        TrackingImage t = target.trackingImages().get(target.trackingImages().size() - 1);
        return new double[]{(p.x() + 0.5) * target.width() / t.width(), (p.y() + 0.5) * target.height() / t.height()};
    }

    /**
     * Feature density per pixel relative to an even spread (1 = even, 0 = none): all keyframes' features counted
     * in a {@value #CELLS}-cell grid over the long side, smoothed by a Gaussian of one cell, bilinearly spread to
     * the pixels.
     */
    static double[] heat(MindTarget target) {
        int w = target.width();
        int h = target.height();
        double cell = Math.max(w, h) / (double) CELLS;
        int gw = Math.max(1, (int) Math.ceil(w / cell));
        int gh = Math.max(1, (int) Math.ceil(h / cell));
        double[] grid = new double[gw * gh];
        int total = 0;
        for (Keyframe k : target.keyframes()) {
            for (List<FeaturePoint> points : List.of(k.maximaPoints(), k.minimaPoints())) {
                for (FeaturePoint p : points) {
                    int gx = Math.min(gw - 1, Math.max(0, (int) ((p.x() + 0.5) / k.scale() / cell)));
                    int gy = Math.min(gh - 1, Math.max(0, (int) ((p.y() + 0.5) / k.scale() / cell)));
                    grid[gy * gw + gx]++;
                    total++;
                }
            }
        }
        double[] smooth = blur(grid, gw, gh);
        double even = total * cell * cell / ((double) w * h);
        double[] out = new double[w * h];
        if (total == 0) {
            return out;
        }
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / cell - 0.5));
            int y0 = (int) gy;
            int y1 = Math.min(gh - 1, y0 + 1);
            double fy = gy - y0;
            for (int x = 0; x < w; x++) {
                double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / cell - 0.5));
                int x0 = (int) gx;
                int x1 = Math.min(gw - 1, x0 + 1);
                double fx = gx - x0;
                double top = smooth[y0 * gw + x0] * (1 - fx) + smooth[y0 * gw + x1] * fx;
                double bottom = smooth[y1 * gw + x0] * (1 - fx) + smooth[y1 * gw + x1] * fx;
                out[y * w + x] = (top * (1 - fy) + bottom * fy) / even;
            }
        }
        return out;
    }

    /** Separable Gaussian (sigma one cell, radius two), renormalised at the borders so the edges are not cooled. */
    private static double[] blur(double[] grid, int w, int h) {
        double[] kernel = {Math.exp(-2), Math.exp(-0.5), 1, Math.exp(-0.5), Math.exp(-2)};
        double[] across = new double[grid.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                double weight = 0;
                for (int k = -2; k <= 2; k++) {
                    if (x + k >= 0 && x + k < w) {
                        sum += grid[y * w + x + k] * kernel[k + 2];
                        weight += kernel[k + 2];
                    }
                }
                across[y * w + x] = sum / weight;
            }
        }
        double[] out = new double[grid.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                double weight = 0;
                for (int k = -2; k <= 2; k++) {
                    if (y + k >= 0 && y + k < h) {
                        sum += across[(y + k) * w + x] * kernel[k + 2];
                        weight += kernel[k + 2];
                    }
                }
                out[y * w + x] = sum / weight;
            }
        }
        return out;
    }

    /** Cold to hot for t in 0..1: blue, cyan, green, yellow, red. */
    static int palette(double t) {
        double[][] stops = {{0, 64, 255}, {0, 200, 255}, {40, 210, 40}, {255, 220, 0}, {255, 30, 0}};
        double s = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) s);
        double f = s - i;
        int r = (int) Math.round(stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f);
        int g = (int) Math.round(stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f);
        int b = (int) Math.round(stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** On white where transparent (as the compiler saw it), two thirds of the way to grey, then 80 % as bright. */
    private static int muted(int argb) {
        int a = argb >>> 24;
        int r = ((argb >> 16) & 0xff) * a / 255 + 255 - a;
        int g = ((argb >> 8) & 0xff) * a / 255 + 255 - a;
        int b = (argb & 0xff) * a / 255 + 255 - a;
        double grey = 0.299 * r + 0.587 * g + 0.114 * b;
        int mr = (int) Math.round(0.8 * (grey + (r - grey) / 3));
        int mg = (int) Math.round(0.8 * (grey + (g - grey) / 3));
        int mb = (int) Math.round(0.8 * (grey + (b - grey) / 3));
        return 0xff000000 | clamp(mr) << 16 | clamp(mg) << 8 | clamp(mb);
    }

    static int blend(int under, int over, double opacity) {
        int out = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            double v = ((under >> shift) & 0xff) * (1 - opacity) + ((over >> shift) & 0xff) * opacity;
            out |= clamp((int) Math.round(v)) << shift;
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Anti-aliased marks on an opaque ARGB raster: each pixel takes the share of it a mark covers (4x4 samples). */
    private static final class Canvas {
        private static final int SAMPLES = 4;
        private final int[] argb;
        private final int width;
        private final int height;

        Canvas(int[] argb, int width, int height) {
            this.argb = argb;
            this.width = width;
            this.height = height;
        }

        void disc(double cx, double cy, double radius, int colour) {
            paint(cx, cy, radius, colour, (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius);
        }

        /** The outline of the square of half side {@code half}, {@code stroke} wide inwards. */
        void square(double cx, double cy, double half, double stroke, int colour) {
            paint(cx, cy, half, colour, (x, y) -> {
                double d = Math.max(Math.abs(x - cx), Math.abs(y - cy));
                return d <= half && d >= half - stroke;
            });
        }

        private void paint(double cx, double cy, double reach, int colour, Shape shape) {
            int x0 = Math.max(0, (int) Math.floor(cx - reach));
            int x1 = Math.min(width - 1, (int) Math.ceil(cx + reach));
            int y0 = Math.max(0, (int) Math.floor(cy - reach));
            int y1 = Math.min(height - 1, (int) Math.ceil(cy + reach));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int inside = 0;
                    for (int sy = 0; sy < SAMPLES; sy++) {
                        for (int sx = 0; sx < SAMPLES; sx++) {
                            inside += shape.contains(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES) ? 1 : 0;
                        }
                    }
                    if (inside > 0) {
                        argb[y * width + x] = blend(argb[y * width + x], colour, inside / (double) (SAMPLES * SAMPLES));
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Shape {
        boolean contains(double x, double y);
    }
}
