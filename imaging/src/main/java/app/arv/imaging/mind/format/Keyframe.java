package app.arv.imaging.mind.format;

import java.util.List;

/** Matching data of one pyramid scale of a target: features split by extremum type, each with its search tree. */
public record Keyframe(List<FeaturePoint> maximaPoints, List<FeaturePoint> minimaPoints,
        ClusterNode maximaCluster, ClusterNode minimaCluster,
        int width, int height, double scale) {

    public Keyframe {
        maximaPoints = List.copyOf(maximaPoints);
        minimaPoints = List.copyOf(minimaPoints);
    }

    public int featureCount() {
        return maximaPoints.size() + minimaPoints.size();
    }
}
