package app.arv.imaging.model3d;

/**
 * What was produced and how long each stage took (the timings are the only part of a result that varies
 * between runs on the same input).
 *
 * @param segmentation "alpha" when the image's transparency gave the outline, "background" when it was estimated
 * @param watertight the mesh was checked to be closed, consistently oriented and manifold
 * @param eulerCharacteristic V - E + F; 2 for the single sphere-like body the generator makes
 * @param segmentationMillis decoding and segmentation; {@code meshMillis} inflation; {@code encodingMillis}
 *     texture, GLB and preview
 */
public record GenerationStats(int vertices, int faces, boolean watertight, int eulerCharacteristic,
        int textureWidth, int textureHeight, String segmentation,
        long segmentationMillis, long meshMillis, long simplificationMillis, long encodingMillis, long totalMillis) {
}
