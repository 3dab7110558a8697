package app.arv.imaging.mesh;

import app.arv.imaging.segment.MaskMorphology;
import app.arv.imaging.segment.ObjectMask;

/** In/out cells over the object's bounding box with one empty cell of padding all round. */
record CellGrid(int w, int h, byte[] in) {

    boolean at(int i, int j) {
        return i >= 0 && j >= 0 && i < w && j < h && in[j * w + i] != 0;
    }

    static CellGrid resample(ObjectMask mask, int[] b, double step) {
        int w = (int) Math.ceil((b[2] - b[0] + 1) / step) + 2;
        int h = (int) Math.ceil((b[3] - b[1] + 1) / step) + 2;
        int[] inside = new int[w * h];
        int[] total = new int[w * h];
        for (int y = b[1]; y <= b[3]; y++) {
            int j = Math.min(h - 2, (int) ((y - b[1]) / step) + 1);
            for (int x = b[0]; x <= b[2]; x++) {
                int i = Math.min(w - 2, (int) ((x - b[0]) / step) + 1);
                total[j * w + i]++;
                if (mask.contains(x, y)) {
                    inside[j * w + i]++;
                }
            }
        }
        byte[] in = new byte[w * h];
        for (int c = 0; c < w * h; c++) {
            in[c] = (byte) (total[c] > 0 && 2 * inside[c] >= total[c] ? 1 : 0);
        }
        return new CellGrid(w, h, toDisk(in, w, h));
    }

    /**
     * Repeats until stable: keep the largest region, fill holes, and fill one of the two empty cells of every
     * diagonal-only contact (a pinch vertex would make the surface non-manifold). Filling only adds cells next
     * to the region, so this converges.
     */
    static byte[] toDisk(byte[] in, int w, int h) {
        byte[] cur = in;
        for (int round = 0; round < 1000; round++) {
            cur = MaskMorphology.fillHoles(MaskMorphology.largestComponent(cur, w, h), w, h);
            boolean changed = false;
            for (int j = 0; j + 1 < h; j++) {
                for (int i = 0; i + 1 < w; i++) {
                    int a = cur[j * w + i];
                    int bb = cur[j * w + i + 1];
                    int c = cur[(j + 1) * w + i];
                    int d = cur[(j + 1) * w + i + 1];
                    if (a == 1 && d == 1 && bb == 0 && c == 0) {
                        cur[j * w + i + 1] = 1;
                        changed = true;
                    } else if (bb == 1 && c == 1 && a == 0 && d == 0) {
                        cur[j * w + i] = 1;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return cur;
            }
        }
        throw new IllegalStateException("silhouette cleanup did not converge");
    }
}
