package app.arv.imaging.segment;

import java.util.Arrays;

/**
 * Binary morphology and connectivity on flat byte masks (1 = object). Square structuring elements computed
 * separably with running counts, so opening a 1-megapixel mask costs a few passes regardless of radius.
 */
public final class MaskMorphology {

    private MaskMorphology() {
    }

    public static byte[] dilate(byte[] mask, int w, int h, int r) {
        return rank(mask, w, h, r, true);
    }

    public static byte[] erode(byte[] mask, int w, int h, int r) {
        return rank(mask, w, h, r, false);
    }

    public static byte[] open(byte[] mask, int w, int h, int r) {
        return r <= 0 ? mask.clone() : dilate(erode(mask, w, h, r), w, h, r);
    }

    public static byte[] close(byte[] mask, int w, int h, int r) {
        return r <= 0 ? mask.clone() : erode(dilate(mask, w, h, r), w, h, r);
    }

    /**
     * Dilation keeps a pixel when any pixel of the window is set; erosion only when all are (outside the image
     * counts as background for erosion, so objects touching the border shrink there too — harmless for us).
     */
    private static byte[] rank(byte[] mask, int w, int h, int r, boolean any) {
        byte[] tmp = new byte[w * h];
        for (int y = 0; y < h; y++) {
            pass(mask, tmp, y * w, 1, w, r, any);
        }
        byte[] out = new byte[w * h];
        for (int x = 0; x < w; x++) {
            pass(tmp, out, x, w, h, r, any);
        }
        return out;
    }

    private static void pass(byte[] in, byte[] out, int start, int stride, int n, int r, boolean any) {
        int count = 0;
        // window [i - r, i + r]; prime with [0, r - 1]
        for (int i = 0; i < Math.min(r, n); i++) {
            count += in[start + i * stride];
        }
        for (int i = 0; i < n; i++) {
            int add = i + r;
            if (add < n) {
                count += in[start + add * stride];
            }
            int drop = i - r - 1;
            if (drop >= 0) {
                count -= in[start + drop * stride];
            }
            int size = 2 * r + 1;
            out[start + i * stride] = (byte) (any ? (count > 0 ? 1 : 0) : (count == size ? 1 : 0));
        }
    }

    /** Keeps only the largest 4-connected object region (the first found wins ties, so the result is deterministic). */
    public static byte[] largestComponent(byte[] mask, int w, int h) {
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (mask[start] == 0 || label[start] != 0) {
                continue;
            }
            next++;
            int size = flood(mask, w, h, start, (byte) 1, label, next, queue);
            if (size > bestSize) {
                bestSize = size;
                best = next;
            }
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
            out[i] = (byte) (label[i] == best && best != 0 ? 1 : 0);
        }
        return out;
    }

    /** Sets every background pixel that cannot reach the image border through 4-connected background. */
    public static byte[] fillHoles(byte[] mask, int w, int h) {
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        for (int x = 0; x < w; x++) {
            seed(mask, w, h, x, 0, label, queue);
            seed(mask, w, h, x, h - 1, label, queue);
        }
        for (int y = 0; y < h; y++) {
            seed(mask, w, h, 0, y, label, queue);
            seed(mask, w, h, w - 1, y, label, queue);
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
            out[i] = (byte) (label[i] == 0 ? 1 : 0);
        }
        return out;
    }

    private static void seed(byte[] mask, int w, int h, int x, int y, int[] label, int[] queue) {
        int i = y * w + x;
        if (mask[i] == 0 && label[i] == 0) {
            flood(mask, w, h, i, (byte) 0, label, 1, queue);
        }
    }

    /** Labels the 4-connected region of pixels equal to {@code value} containing {@code start}; returns its size. */
    static int flood(byte[] mask, int w, int h, int start, byte value, int[] label, int id, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail) {
            int p = queue[head++];
            int x = p % w;
            int y = p / w;
            if (x > 0) {
                tail = visit(mask, p - 1, value, label, id, queue, tail);
            }
            if (x < w - 1) {
                tail = visit(mask, p + 1, value, label, id, queue, tail);
            }
            if (y > 0) {
                tail = visit(mask, p - w, value, label, id, queue, tail);
            }
            if (y < h - 1) {
                tail = visit(mask, p + w, value, label, id, queue, tail);
            }
        }
        return tail;
    }

    private static int visit(byte[] mask, int q, byte value, int[] label, int id, int[] queue, int tail) {
        if (mask[q] == value && label[q] == 0) {
            label[q] = id;
            queue[tail++] = q;
        }
        return tail;
    }

    static boolean isEmpty(byte[] mask) {
        for (byte b : mask) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] copy(byte[] mask) {
        return Arrays.copyOf(mask, mask.length);
    }
}
