package app.arv.imaging.mesh;

/** The closed mesh inflated from a silhouette and the frame mapping its x/y back onto the image. */
public record InflatedSilhouette(TriangleMesh mesh, ImageFrame frame) {
}
