package app.arv.imaging.mesh;

import app.arv.imaging.segment.ObjectMask;

/**
 * Turns a silhouette into a closed, watertight surface by inflating it like a balloon.
 *
 * <p>The mask is resampled onto a grid of square cells (about {@code targetCells} of them) and made a topological
 * disk: one 4-connected region, no holes, no two cells touching only at a corner. Every cell becomes a fan of four
 * triangles around its centre on the front and the mirrored fan on the back. Corners on the outline (the rim) are
 * shared by both fans, so the surfaces are stitched there without any gap: the result is a closed 2-manifold of
 * genus 0 (V - E + F = 2). A cell edge joining two rim corners across the inside (a one-cell-wide neck) would be
 * shared by four faces, so such edges get a midpoint vertex with its own thickness.
 *
 * <p>Height: the surface over each point is the highest sphere among the balls inscribed in the silhouette that
 * cover it (the union of medial balls), scaled by {@value #THICKNESS}: an exact Euclidean distance transform gives
 * each point's own inscribed ball, and two raster sweeps hand the best covering ball (centre and radius) on to
 * the neighbours. A disc becomes a sphere, a thin leg a thin tube rather than a slab.
 */
public final class SilhouetteInflater {

    /** Ratio of the depth of each surface to the inscribed radius: 1 would make round parts perfect spheres. */
    static final double THICKNESS = 0.8;
    /** How far the rim smoothing may move an outline corner, in cells: enough to remove staircase artefacts. */
    static final double RIM_SMOOTHING_LIMIT = 0.35;

    public InflatedSilhouette inflate(ObjectMask mask, int targetCells) {
        int[] b = mask.bounds();
        if (b == null) {
            throw new IllegalArgumentException("empty mask");
        }
        int bw = b[2] - b[0] + 1;
        int bh = b[3] - b[1] + 1;
        double step = Math.max(1.0, Math.sqrt((double) mask.area() / Math.max(1, targetCells)));
        CellGrid cells = CellGrid.resample(mask, b, step);
        HeightField heights = HeightField.of(cells);
        double unit = Math.max(bw, bh);
        ImageFrame frame = new ImageFrame(b[0] + bw / 2.0, b[1] + bh / 2.0, unit);
        return new InflatedSilhouette(new SurfaceBuilder(cells, heights, step, b, frame).build(), frame);
    }
}
