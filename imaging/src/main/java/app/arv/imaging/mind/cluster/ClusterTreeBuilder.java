package app.arv.imaging.mind.cluster;

import app.arv.imaging.mind.format.ClusterNode;
import app.arv.imaging.mind.format.FeaturePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds the hierarchical k-medoids tree over descriptors: K = 8 medoids drawn at random 128 times, the
 * draw with the smallest total Hamming distance wins; recurse until a node has at most 16 points or
 * everything falls into one cluster. Children are ordered by medoid index, as the reference's object keys are.
 */
public final class ClusterTreeBuilder {

    static final int CENTERS = 8;
    static final int HYPOTHESES = 128;
    static final int MAX_LEAF_POINTS = 16;

    public ClusterNode build(List<FeaturePoint> points) {
        int[][] descriptors = new int[points.size()][];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = points.get(i).descriptors();
        }
        int[] all = new int[descriptors.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return build(distances(descriptors), all, ClusterNode.ROOT, new Lcg());
    }

    /** All pairwise Hamming distances once (n <= 500), instead of recomputing them in every hypothesis. */
    private static int[][] distances(int[][] descriptors) {
        int n = descriptors.length;
        int[][] d = new int[n][n];
        for (int i = 0; i < n; i++) {
            int[] a = descriptors[i];
            for (int j = i + 1; j < n; j++) {
                int[] b = descriptors[j];
                int dist = 0;
                for (int w = 0; w < a.length; w++) {
                    dist += Integer.bitCount(a[w] ^ b[w]);
                }
                d[i][j] = dist;
                d[j][i] = dist;
            }
        }
        return d;
    }

    private ClusterNode build(int[][] distances, int[] pointIndexes, int center, Lcg random) {
        if (pointIndexes.length <= CENTERS || pointIndexes.length <= MAX_LEAF_POINTS) {
            return ClusterNode.leaf(center, boxed(pointIndexes));
        }
        int[] assignment = kMedoids(distances, pointIndexes, random);
        TreeMap<Integer, List<Integer>> clusters = new TreeMap<>();
        for (int i = 0; i < assignment.length; i++) {
            clusters.computeIfAbsent(pointIndexes[assignment[i]], k -> new ArrayList<>()).add(pointIndexes[i]);
        }
        if (clusters.size() == 1) {
            return ClusterNode.leaf(center, boxed(pointIndexes));
        }
        List<ClusterNode> children = new ArrayList<>(clusters.size());
        for (var cluster : clusters.entrySet()) {
            int[] members = cluster.getValue().stream().mapToInt(Integer::intValue).toArray();
            children.add(build(distances, members, cluster.getKey(), random));
        }
        return ClusterNode.inner(center, children);
    }

    /** For each point (by position in pointIndexes), the position of its medoid in the best hypothesis. */
    private static int[] kMedoids(int[][] distances, int[] pointIndexes, Lcg random) {
        int n = pointIndexes.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long bestSum = Long.MAX_VALUE;
        int[] best = null;
        int[] assignment = new int[n];
        for (int h = 0; h < HYPOTHESES; h++) {
            random.shuffle(order, CENTERS);
            long sum = 0;
            int[][] centers = new int[CENTERS][];
            for (int k = 0; k < CENTERS; k++) {
                centers[k] = distances[pointIndexes[order[k]]];
            }
            for (int j = 0; j < n; j++) {
                int point = pointIndexes[j];
                int bestD = Integer.MAX_VALUE;
                for (int k = 0; k < CENTERS; k++) {
                    int dist = centers[k][point];
                    if (dist < bestD) {
                        assignment[j] = order[k];
                        bestD = dist;
                    }
                }
                sum += bestD;
            }
            if (sum < bestSum) {
                bestSum = sum;
                best = assignment.clone();
            }
        }
        return best;
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
