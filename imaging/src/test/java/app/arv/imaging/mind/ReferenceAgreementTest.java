package app.arv.imaging.mind;

import app.arv.imaging.TestImages;
import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our features against the official compiler's (golden files made with mind-ar 1.2.5, see imaging/README.md):
 * per keyframe, the share of our points with a reference point of the same extremum type within 1 px,
 * and the Hamming distance between their descriptors.
 */
class ReferenceAgreementTest {

    private static final double MIN_MATCHED_SHARE = 0.90;
    private static final int MAX_MEDIAN_HAMMING = 8;

    @ParameterizedTest
    @ValueSource(strings = {"chelsea", "coffee", "camera", "coins", "page"})
    void featuresMatchTheOfficialCompilersOnEveryKeyframe(String name) throws Exception {
        MindTarget reference = new MindReader().read(TestImages.golden(name)).targets().get(0);
        MindTarget ours = new MindTargetCompiler().analyze(TestImages.grey(name)).target();

        assertThat(ours.keyframes()).hasSameSizeAs(reference.keyframes());
        for (int k = 0; k < reference.keyframes().size(); k++) {
            Agreement a = agreement(ours.keyframes().get(k), reference.keyframes().get(k));
            System.out.printf("agreement %s keyframe %d: %d points, %.1f %% matched, median Hamming %d%n",
                    name, k, a.points, 100 * a.matchedShare, a.medianHamming);
            assertThat(a.matchedShare).as("%s keyframe %d matched share", name, k).isGreaterThanOrEqualTo(MIN_MATCHED_SHARE);
            assertThat(a.medianHamming).as("%s keyframe %d median Hamming", name, k).isLessThanOrEqualTo(MAX_MEDIAN_HAMMING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chelsea", "coffee", "camera", "coins"})
    void anImageOfAtLeast256PixelsCompilesToExactlyTheOfficialBytes(String name) throws Exception {
        byte[] ours = new MindTargetCompiler().compileToMind(java.util.List.of(TestImages.grey(name)));

        assertThat(ours).isEqualTo(TestImages.golden(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page"})
    void aSmallImageDiffersFromTheOfficialFileOnlyInTheRepairedUpscaledTrackingImage(String name) throws Exception {
        MindTarget reference = new MindReader().read(TestImages.golden(name)).targets().get(0);
        MindTarget ours = new MindTargetCompiler().analyze(TestImages.grey(name)).target();

        assertThat(ours.keyframes()).isEqualTo(reference.keyframes());
        assertThat(ours.trackingImages().get(1).pixels()).isEqualTo(reference.trackingImages().get(1).pixels());
        assertThat(ours.trackingImages().get(1).points()).isEqualTo(reference.trackingImages().get(1).points());
        assertThat(reference.trackingImages().get(0).points()).isEmpty();
        assertThat(ours.trackingImages().get(0).points()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chelsea", "coins"})
    void trackingPointsAreTheOfficialCompilersOnTheTrackingImageTheRuntimeUses(String name) throws Exception {
        MindTarget reference = new MindReader().read(TestImages.golden(name)).targets().get(0);
        MindTarget ours = new MindTargetCompiler().analyze(TestImages.grey(name)).target();

        assertThat(ours.trackingImages().get(1).points()).isEqualTo(reference.trackingImages().get(1).points());
        assertThat(ours.trackingImages().get(1).pixels()).isEqualTo(reference.trackingImages().get(1).pixels());
    }

    private record Agreement(int points, double matchedShare, int medianHamming) {
    }

    private static Agreement agreement(Keyframe ours, Keyframe reference) {
        List<FeaturePoint> mine = all(ours);
        List<FeaturePoint> theirs = all(reference);
        List<Integer> distances = new ArrayList<>();
        for (FeaturePoint p : mine) {
            FeaturePoint nearest = null;
            double best = Double.MAX_VALUE;
            for (FeaturePoint q : theirs) {
                double d = Math.hypot(p.x() - q.x(), p.y() - q.y());
                if (q.maxima() == p.maxima() && d < best) {
                    best = d;
                    nearest = q;
                }
            }
            if (nearest != null && best <= 1.0) {
                distances.add(p.hammingDistance(nearest));
            }
        }
        int[] sorted = distances.stream().mapToInt(Integer::intValue).sorted().toArray();
        double share = mine.isEmpty() ? (theirs.isEmpty() ? 1 : 0) : distances.size() / (double) mine.size();
        return new Agreement(mine.size(), share, sorted.length == 0 ? 0 : sorted[sorted.length / 2]);
    }

    private static List<FeaturePoint> all(Keyframe k) {
        List<FeaturePoint> points = new ArrayList<>(k.maximaPoints());
        points.addAll(k.minimaPoints());
        return points;
    }
}
