package app.arv.imaging.mind.format;

import java.util.List;

/**
 * A node of the hierarchical k-medoids tree the runtime walks to find descriptor candidates.
 *
 * @param centerPointIndex index of the medoid point, or -1 for the root (written as nil; otherwise as a
 *                         decimal string, because the reference builds it from object keys)
 * @param pointIndexes     the points of a leaf; empty for an inner node
 * @param children         the sub-clusters of an inner node; empty for a leaf
 */
public record ClusterNode(int centerPointIndex, boolean leaf, List<Integer> pointIndexes, List<ClusterNode> children) {

    public static final int ROOT = -1;

    public ClusterNode {
        pointIndexes = List.copyOf(pointIndexes);
        children = List.copyOf(children);
    }

    public static ClusterNode leaf(int centerPointIndex, List<Integer> pointIndexes) {
        return new ClusterNode(centerPointIndex, true, pointIndexes, List.of());
    }

    public static ClusterNode inner(int centerPointIndex, List<ClusterNode> children) {
        return new ClusterNode(centerPointIndex, false, List.of(), children);
    }

    /** Number of points reachable below this node. */
    public int pointCount() {
        if (leaf) {
            return pointIndexes.size();
        }
        int n = 0;
        for (ClusterNode child : children) {
            n += child.pointCount();
        }
        return n;
    }
}
