package app.arv.imaging.mind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The scales MindAR keeps data for: matching keyframes and the two tracking images. */
final class ScalePlan {

    private static final double MIN_KEYFRAME_SIDE = 100.0;

    private ScalePlan() {
    }

    /** 100/min(W,H) * 2^(k/3) while below 0.95, then 1.0; largest first. */
    static List<Double> keyframeScales(int width, int height) {
        double min = MIN_KEYFRAME_SIDE / Math.min(width, height);
        double step = StrictMath.pow(2.0, 1.0 / 3.0);
        List<Double> scales = new ArrayList<>();
        double c = min;
        while (true) {
            scales.add(c);
            c *= step;
            if (c >= 0.95) {
                break;
            }
        }
        scales.add(1.0);
        Collections.reverse(scales);
        return scales;
    }

    /** The runtime tracks on the second one (128 px on the short side). */
    static List<Double> trackingScales(int width, int height) {
        int min = Math.min(width, height);
        return List.of(256.0 / min, 128.0 / min);
    }
}
