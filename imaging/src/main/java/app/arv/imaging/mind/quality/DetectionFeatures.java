package app.arv.imaging.mind.quality;

import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.TrackingImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the compiled target itself says about detection, the inputs of {@link DetectionModel}. All come from the
 * compiler's output (keyframes, descriptors, tracking images), none from the original file.
 *
 * @param featuresPerScale   matching features of each keyframe, largest scale first
 * @param trackingPoints     template centres on the tracking image the runtime uses (the last, 128 px one)
 * @param coverage           share (0..1) of the cells of a 4x4 grid over the image holding at least 3 features
 * @param largestCellShare   share (0..1) of all features in the busiest cell (1/16 when even)
 * @param spread             RMS distance of the features from their centroid over the RMS distance of a uniform
 *                           spread (about 1 when features cover the image evenly, towards 0 when bunched)
 * @param duplicateShare     share (0..1) of largest-keyframe features whose nearest same-type descriptor is
 *                           closer than {@value #NEAR_DUPLICATE_BITS} of 666 bits (repetitive patterns: brick, grass, text)
 * @param medianNearestBits  median Hamming distance of a largest-keyframe feature to its nearest same-type neighbour
 * @param contrast           standard deviation of the grey levels of the largest tracking image (0..~128)
 * @param flatShare          share (0..1) of 8x8 blocks of the largest tracking image with a grey spread under 6 levels
 */
public record DetectionFeatures(int width, int height, List<Integer> featuresPerScale, int trackingPoints,
        double coverage, double largestCellShare, double spread, double duplicateShare,
        double medianNearestBits, double contrast, double flatShare) {

    static final int GRID = 4;
    static final int NEAR_DUPLICATE_BITS = 50;
    private static final int FLAT_BLOCK = 8;
    private static final int FLAT_RANGE = 6;

    public DetectionFeatures {
        featuresPerScale = List.copyOf(featuresPerScale);
    }

    public int totalFeatures() {
        return featuresPerScale.stream().mapToInt(Integer::intValue).sum();
    }

    /** Features of the largest keyframe (the one matched when the target is near). */
    public int largestScaleFeatures() {
        return featuresPerScale.isEmpty() ? 0 : featuresPerScale.get(0);
    }

    /** Mean features per keyframe. */
    public double meanFeaturesPerScale() {
        return featuresPerScale.isEmpty() ? 0 : totalFeatures() / (double) featuresPerScale.size();
    }

    public static DetectionFeatures of(MindTarget target) {
        List<Integer> perScale = new ArrayList<>();
        List<double[]> positions = new ArrayList<>();
        for (Keyframe k : target.keyframes()) {
            perScale.add(k.featureCount());
            addPositions(positions, k.maximaPoints(), k.scale());
            addPositions(positions, k.minimaPoints(), k.scale());
        }
        int[] cells = new int[GRID * GRID];
        for (double[] p : positions) {
            int cx = Math.min(GRID - 1, Math.max(0, (int) (p[0] * GRID / target.width())));
            int cy = Math.min(GRID - 1, Math.max(0, (int) (p[1] * GRID / target.height())));
            cells[cy * GRID + cx]++;
        }
        int busiest = 0;
        int covered = 0;
        for (int c : cells) {
            busiest = Math.max(busiest, c);
            if (c >= 3) {
                covered++;
            }
        }
        double busiestShare = positions.isEmpty() ? 1.0 : busiest / (double) positions.size();
        List<TrackingImage> tracking = target.trackingImages();
        int trackingPoints = tracking.isEmpty() ? 0 : tracking.get(tracking.size() - 1).points().size();
        double[] distinct = distinctiveness(target.keyframes().isEmpty() ? null : target.keyframes().get(0));
        double[] grey = tracking.isEmpty() ? new double[]{0, 1} : greyStatistics(tracking.get(0));
        return new DetectionFeatures(target.width(), target.height(), perScale, trackingPoints,
                covered / (double) cells.length, busiestShare, spread(positions, target.width(), target.height()),
                distinct[0], distinct[1], grey[0], grey[1]);
    }

    private static void addPositions(List<double[]> out, List<FeaturePoint> points, double scale) {
        for (FeaturePoint p : points) {
            out.add(new double[]{(p.x() + 0.5) / scale, (p.y() + 0.5) / scale});
        }
    }

    private static double spread(List<double[]> positions, int width, int height) {
        if (positions.size() < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : positions) {
            mx += p[0];
            my += p[1];
        }
        mx /= positions.size();
        my /= positions.size();
        double sum = 0;
        for (double[] p : positions) {
            sum += (p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my);
        }
        // a uniform distribution over W x H has a mean squared distance from its centre of (W^2 + H^2) / 12
        double uniform = (width * (double) width + height * (double) height) / 12.0;
        return Math.sqrt(sum / positions.size() / uniform);
    }

    /** {share of near-duplicate descriptors, median nearest-neighbour distance} over the largest keyframe. */
    private static double[] distinctiveness(Keyframe k) {
        if (k == null || k.featureCount() < 2) {
            return new double[]{0, 0};
        }
        List<Integer> nearest = new ArrayList<>();
        nearestDistances(k.maximaPoints(), nearest);
        nearestDistances(k.minimaPoints(), nearest);
        if (nearest.isEmpty()) {
            return new double[]{0, 0};
        }
        int[] sorted = nearest.stream().mapToInt(Integer::intValue).sorted().toArray();
        long close = Arrays.stream(sorted).filter(d -> d < NEAR_DUPLICATE_BITS).count();
        return new double[]{close / (double) sorted.length, sorted[sorted.length / 2]};
    }

    private static void nearestDistances(List<FeaturePoint> points, List<Integer> out) {
        if (points.size() < 2) {
            return;
        }
        for (int i = 0; i < points.size(); i++) {
            int best = Integer.MAX_VALUE;
            for (int j = 0; j < points.size(); j++) {
                if (i != j) {
                    best = Math.min(best, points.get(i).hammingDistance(points.get(j)));
                }
            }
            out.add(best);
        }
    }

    /** {standard deviation of grey levels, share of flat 8x8 blocks} of a tracking image. */
    private static double[] greyStatistics(TrackingImage image) {
        byte[] px = image.pixels();
        double sum = 0;
        double sumSq = 0;
        for (byte b : px) {
            int v = b & 0xff;
            sum += v;
            sumSq += v * (double) v;
        }
        double mean = sum / px.length;
        double std = Math.sqrt(Math.max(0, sumSq / px.length - mean * mean));
        int blocks = 0;
        int flat = 0;
        for (int by = 0; by + FLAT_BLOCK <= image.height(); by += FLAT_BLOCK) {
            for (int bx = 0; bx + FLAT_BLOCK <= image.width(); bx += FLAT_BLOCK) {
                int min = 255;
                int max = 0;
                for (int y = by; y < by + FLAT_BLOCK; y++) {
                    for (int x = bx; x < bx + FLAT_BLOCK; x++) {
                        int v = px[y * image.width() + x] & 0xff;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                blocks++;
                if (max - min < FLAT_RANGE) {
                    flat++;
                }
            }
        }
        return new double[]{std, blocks == 0 ? 1 : flat / (double) blocks};
    }
}
