package app.arv.imaging.segment;

import app.arv.imaging.raster.RgbaImage;

import java.util.Arrays;

/**
 * Separates the photographed object from its background. A cut-out (a border that is transparent) is taken at its
 * word. Otherwise the background is modelled from the opaque pixels of a band along the image border — the one
 * place a product photo is reliably background — as up to {@value #CLUSTERS} colour clusters (k-means,
 * deterministic start) each with its own spread. Transparent pixels and pixels close to a cluster, when connected
 * to the border, are background; the rest, cleaned up (closing, largest component, hole filling, opening), is the
 * object. A PNG that merely has a transparent frame around a white backdrop thus still works.
 *
 * <p>This is built for object photos (product shots, a toy on a table, cut-outs); in a cluttered scene it picks
 * the largest region that differs from the frame's colours, which may be only part of what the user meant.
 */
public final class ObjectSegmenter {

    static final int CLUSTERS = 3;
    /** Colour distance (RGB, 0-255) below which a pixel always counts as background-like: JPEG noise, vignetting. */
    static final double MIN_THRESHOLD = 22;
    static final double MIN_OBJECT_SHARE = 0.005;
    /** Share of the border a colour cluster needs to count as background. */
    static final double MIN_CLUSTER_SHARE = 0.1;
    static final double MAX_OBJECT_SHARE = 0.97;

    /** How the outline was found: the image's own transparency, or the background model (possibly both). */
    public enum Method {
        ALPHA, BACKGROUND
    }

    /** The object's mask and how it was found. */
    public record Segmentation(ObjectMask mask, Method method) {
    }

    public Segmentation segment(RgbaImage image) throws NoObjectFoundException {
        int w = image.width();
        int h = image.height();
        byte[] opaque = opaque(image);
        int band = Math.max(2, Math.min(w, h) * 3 / 100);
        float[] rgb = smoothedRgb(image);
        float[] samples = borderSamples(rgb, opaque, w, h, band);
        // a cut-out whose border is (almost) all transparent needs no colour model; a PNG that only has a
        // transparent frame around an ordinary photo does, on its opaque part
        boolean cutOut = samples.length / 3 < 0.05 * bandSize(w, h, band);
        byte[] raw = cutOut ? opaque : fromBorderModel(rgb, opaque, samples, w, h);
        // a cut-out's alpha is the outline the user drew: keep it exact. A colour estimate gets cleaned up with
        // radius r: closing first (an object often falls apart along its own dark seams and shadows), then
        // opening (hairline bridges into the background, specks)
        int r = cutOut ? 0 : Math.max(1, Math.min(w, h) / 100);
        byte[] mask = MaskMorphology.fillHoles(MaskMorphology.largestComponent(MaskMorphology.close(raw, w, h, r), w, h), w, h);
        byte[] opened = MaskMorphology.open(mask, w, h, r);
        // a thin object (wire, stick) is better kept unopened than refused
        mask = MaskMorphology.largestComponent(MaskMorphology.isEmpty(opened) ? mask : opened, w, h);
        ObjectMask result = new ObjectMask(w, h, mask);
        double share = (double) result.area() / (w * h);
        if (share < MIN_OBJECT_SHARE) {
            throw new NoObjectFoundException(cutOut
                    ? "the image is almost entirely transparent: no object to model"
                    : isUniform(rgb)
                            ? "the picture is uniform: there is no object in it to model"
                            : "no object stands out from the background; photograph the object against a plain,"
                                    + " contrasting background");
        }
        if (share > MAX_OBJECT_SHARE) {
            throw new NoObjectFoundException("the object cannot be separated from the background: it fills the whole"
                    + " picture; leave some plain background around it or use a PNG with transparency");
        }
        return new Segmentation(result, cutOut ? Method.ALPHA : Method.BACKGROUND);
    }

    /** No pixel further than {@link #MIN_THRESHOLD} from the mean colour: a blank wall, a lens cap shot. */
    private static boolean isUniform(float[] rgb) {
        int n = rgb.length / 3;
        float[] mean = new float[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += rgb[i * 3 + c] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            if (distance(rgb, i * 3, mean) > MIN_THRESHOLD) {
                return false;
            }
        }
        return true;
    }

    private static byte[] opaque(RgbaImage image) {
        int[] px = image.argb();
        byte[] mask = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            mask[i] = (byte) ((px[i] >>> 24) >= 128 ? 1 : 0);
        }
        return mask;
    }

    private static int bandSize(int w, int h, int band) {
        return w * h - Math.max(0, w - 2 * band) * Math.max(0, h - 2 * band);
    }

    /** Transparent pixels always count as background; opaque ones when close to a border colour cluster. */
    private static byte[] fromBorderModel(float[] rgb, byte[] opaque, float[] samples, int w, int h) {
        float[][] centres = kMeans(samples, CLUSTERS);
        double[] allThresholds = thresholds(samples, centres);
        // a colour found on only a sliver of the border is more likely the object touching the frame than backdrop
        int[] members = new int[centres.length];
        for (int i = 0; i < samples.length / 3; i++) {
            members[nearest(samples, i * 3, centres)]++;
        }
        int largest = 0;
        for (int c = 1; c < centres.length; c++) {
            largest = members[c] > members[largest] ? c : largest;
        }
        int kept = 0;
        float[][] keptCentres = new float[centres.length][];
        double[] thresholds = new double[centres.length];
        for (int c = 0; c < centres.length; c++) {
            if (c == largest || members[c] >= MIN_CLUSTER_SHARE * samples.length / 3) {
                keptCentres[kept] = centres[c];
                thresholds[kept++] = allThresholds[c];
            }
        }
        centres = Arrays.copyOf(keptCentres, kept);
        byte[] backgroundLike = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
            int k = nearest(rgb, i * 3, centres);
            double d = distance(rgb, i * 3, centres[k]);
            backgroundLike[i] = (byte) (opaque[i] == 0 || d <= thresholds[k] ? 1 : 0);
        }
        // background = background-like pixels reachable from the border; enclosed similar colours stay object
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        for (int x = 0; x < w; x++) {
            seed(backgroundLike, w, h, x, 0, label, queue);
            seed(backgroundLike, w, h, x, h - 1, label, queue);
        }
        for (int y = 0; y < h; y++) {
            seed(backgroundLike, w, h, 0, y, label, queue);
            seed(backgroundLike, w, h, w - 1, y, label, queue);
        }
        byte[] object = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
            object[i] = (byte) (label[i] == 0 ? 1 : 0);
        }
        return object;
    }

    private static void seed(byte[] like, int w, int h, int x, int y, int[] label, int[] queue) {
        int i = y * w + x;
        if (like[i] == 1 && label[i] == 0) {
            MaskMorphology.flood(like, w, h, i, (byte) 1, label, 1, queue);
        }
    }

    /** 3x3 box blur: keeps sensor noise and JPEG blocks from punching holes into a plain background. */
    private static float[] smoothedRgb(RgbaImage image) {
        int w = image.width();
        int h = image.height();
        int[] px = image.argb();
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int n = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        int p = px[yy * w + xx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                        n++;
                    }
                }
                int o = (y * w + x) * 3;
                out[o] = r / n;
                out[o + 1] = g / n;
                out[o + 2] = b / n;
            }
        }
        return out;
    }

    private static float[] borderSamples(float[] rgb, byte[] opaque, int w, int h, int band) {
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x < band || y < band || x >= w - band || y >= h - band) && opaque[y * w + x] != 0) {
                    count++;
                }
            }
        }
        float[] out = new float[count * 3];
        int o = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x < band || y < band || x >= w - band || y >= h - band) && opaque[y * w + x] != 0) {
                    System.arraycopy(rgb, (y * w + x) * 3, out, o, 3);
                    o += 3;
                }
            }
        }
        return out;
    }

    /** Farthest-point initialisation from the sample mean, then Lloyd iterations: no randomness. */
    static float[][] kMeans(float[] samples, int k) {
        int n = samples.length / 3;
        float[][] centres = new float[k][];
        float[] mean = new float[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += samples[i * 3 + c] / n;
            }
        }
        float[] first = farthestFrom(samples, new float[][]{mean});
        centres[0] = first;
        int used = 1;
        while (used < k) {
            float[] next = farthestFrom(samples, Arrays.copyOf(centres, used));
            if (distance(next, 0, nearestCentre(next, centres, used)) < MIN_THRESHOLD) {
                break; // the border is essentially one colour family; more clusters would only model noise
            }
            centres[used++] = next;
        }
        centres = Arrays.copyOf(centres, used);
        for (int iteration = 0; iteration < 10; iteration++) {
            double[][] sums = new double[used][4];
            for (int i = 0; i < n; i++) {
                int c = nearest(samples, i * 3, centres);
                sums[c][0] += samples[i * 3];
                sums[c][1] += samples[i * 3 + 1];
                sums[c][2] += samples[i * 3 + 2];
                sums[c][3]++;
            }
            for (int c = 0; c < used; c++) {
                if (sums[c][3] > 0) {
                    centres[c] = new float[]{(float) (sums[c][0] / sums[c][3]), (float) (sums[c][1] / sums[c][3]),
                            (float) (sums[c][2] / sums[c][3])};
                }
            }
        }
        return centres;
    }

    private static float[] nearestCentre(float[] p, float[][] centres, int used) {
        float[] best = centres[0];
        for (int c = 1; c < used; c++) {
            if (distance(p, 0, centres[c]) < distance(p, 0, best)) {
                best = centres[c];
            }
        }
        return best;
    }

    private static float[] farthestFrom(float[] samples, float[][] centres) {
        int n = samples.length / 3;
        int best = 0;
        double bestD = -1;
        for (int i = 0; i < n; i++) {
            double d = distance(samples, i * 3, centres[nearest(samples, i * 3, centres)]);
            if (d > bestD) {
                bestD = d;
                best = i;
            }
        }
        return new float[]{samples[best * 3], samples[best * 3 + 1], samples[best * 3 + 2]};
    }

    /**
     * Per cluster: the 90th-percentile distance of its members plus a margin, at least {@link #MIN_THRESHOLD}.
     * A textured background (foliage, wood) thus tolerates more variation than a studio sweep.
     */
    private static double[] thresholds(float[] samples, float[][] centres) {
        int n = samples.length / 3;
        int k = centres.length;
        int[][] histogram = new int[k][443]; // max RGB distance is 441.7
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = nearest(samples, i * 3, centres);
            histogram[c][(int) distance(samples, i * 3, centres[c])]++;
            counts[c]++;
        }
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            int target = (int) Math.ceil(counts[c] * 0.9);
            int seen = 0;
            int p90 = 0;
            for (int d = 0; d < histogram[c].length; d++) {
                seen += histogram[c][d];
                if (seen >= target) {
                    p90 = d + 1;
                    break;
                }
            }
            out[c] = Math.max(MIN_THRESHOLD, p90 + 10);
        }
        return out;
    }

    private static int nearest(float[] v, int o, float[][] centres) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centres.length; c++) {
            double d = distance(v, o, centres[c]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static double distance(float[] v, int o, float[] c) {
        double dr = v[o] - c[0];
        double dg = v[o + 1] - c[1];
        double db = v[o + 2] - c[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
