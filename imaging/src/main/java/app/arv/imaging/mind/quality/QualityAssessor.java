package app.arv.imaging.mind.quality;

import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.TrackingImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a compiled target from what the runtime will actually use: matching features (detection), the
 * points on the 128-px tracking image (the runtime tracks on that one), and how evenly features cover the image.
 */
public final class QualityAssessor {

    static final int GRID = 4;
    /** A keyframe can hold at most 500 features (10x10 buckets x 5); 150 is plenty for robust matching. */
    private static final double RICH_FEATURES_PER_KEYFRAME = 150;
    private static final double RICH_TRACKING_POINTS = 30;
    private static final int GOOD_SCORE = 60;
    private static final int WEAK_SCORE = 25;
    private static final int SMALL_SIDE = 256;

    public QualityReport assess(MindTarget target) {
        List<ScaleFeatures> scales = new ArrayList<>();
        for (Keyframe k : target.keyframes()) {
            scales.add(new ScaleFeatures(k.scale(), k.width(), k.height(), k.maximaPoints().size(), k.minimaPoints().size()));
        }
        List<Integer> tracking = target.trackingImages().stream().map(t -> t.points().size()).toList();
        int[] cells = cellCounts(target);
        int total = 0;
        int busiest = 0;
        int covered = 0;
        for (int c : cells) {
            total += c;
            busiest = Math.max(busiest, c);
            if (c >= 3) {
                covered++;
            }
        }
        double coverage = covered / (double) cells.length;
        double busiestShare = total == 0 ? 1.0 : busiest / (double) total;
        double perKeyframe = target.keyframes().isEmpty() ? 0 : total / (double) target.keyframes().size();
        int trackedPoints = trackingPointsUsedByRuntime(target);

        double texture = Math.min(1.0, perKeyframe / RICH_FEATURES_PER_KEYFRAME);
        double trackability = Math.min(1.0, trackedPoints / RICH_TRACKING_POINTS);
        double raw = 45 * texture + 25 * trackability + 30 * coverage;
        boolean small = Math.min(target.width(), target.height()) < SMALL_SIDE;
        if (small) {
            raw *= 0.85;
        }
        int score = (int) Math.round(raw);

        List<String> reasons = new ArrayList<>();
        if (total == 0) {
            reasons.add("no usable features: the image is flat or blank");
        } else if (texture < 0.5) {
            reasons.add("too little texture (" + Math.round(perKeyframe) + " features per scale, 150 or more is good)");
        }
        if (trackedPoints == 0) {
            reasons.add("no trackable points: the tracker has nothing to follow");
        } else if (trackability < 0.5) {
            reasons.add("few trackable points (" + trackedPoints + ", 30 or more is good)");
        }
        if (total > 0 && (coverage < 0.5 || busiestShare > 0.35)) {
            reasons.add("features bunched in one area (" + Math.round(coverage * 100) + " % of the image covered)");
        }
        if (small) {
            reasons.add("image smaller than " + SMALL_SIDE + " px (" + target.width() + "x" + target.height()
                    + "): tracking images are upscaled");
        }
        Verdict verdict;
        if (total == 0 || trackedPoints == 0 || score < WEAK_SCORE) {
            verdict = Verdict.UNUSABLE;
        } else if (score < GOOD_SCORE) {
            verdict = Verdict.WEAK;
        } else {
            verdict = Verdict.GOOD;
        }
        return new QualityReport(target.width(), target.height(), scales, tracking, coverage, busiestShare, score,
                verdict, reasons);
    }

    private static int trackingPointsUsedByRuntime(MindTarget target) {
        List<TrackingImage> images = target.trackingImages();
        return images.isEmpty() ? 0 : images.get(images.size() - 1).points().size();
    }

    /** Features of all keyframes mapped back to target pixels and counted per cell of a 4x4 grid. */
    private static int[] cellCounts(MindTarget target) {
        int[] cells = new int[GRID * GRID];
        for (Keyframe k : target.keyframes()) {
            count(cells, k.maximaPoints(), k.scale(), target);
            count(cells, k.minimaPoints(), k.scale(), target);
        }
        return cells;
    }

    private static void count(int[] cells, List<FeaturePoint> points, double scale, MindTarget target) {
        for (FeaturePoint p : points) {
            double tx = (p.x() + 0.5) / scale;
            double ty = (p.y() + 0.5) / scale;
            int cx = Math.min(GRID - 1, Math.max(0, (int) (tx * GRID / target.width())));
            int cy = Math.min(GRID - 1, Math.max(0, (int) (ty * GRID / target.height())));
            cells[cy * GRID + cx]++;
        }
    }
}
