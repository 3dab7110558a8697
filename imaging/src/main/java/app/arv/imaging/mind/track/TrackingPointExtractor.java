package app.arv.imaging.mind.track;

import app.arv.imaging.mind.format.TrackingPoint;
import app.arv.imaging.raster.GreyImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the template centres the MindAR tracker follows on a tracking image: strong gradient maxima whose
 * 13x13 template is textured and unlike its surroundings (low best NCC within +-10 px), chosen greedily
 * most-distinctive first, with an exclusion zone around each pick.
 */
public final class TrackingPointExtractor {

    private static final int SEARCH_SIZE1 = 10;
    private static final int SEARCH_SIZE2 = 2;
    private static final int TEMPLATE_SIZE = 6;
    private static final int TEMPLATE_WIDTH = 2 * TEMPLATE_SIZE + 1;
    private static final int TEMPLATE_PIXELS = TEMPLATE_WIDTH * TEMPLATE_WIDTH;
    private static final double TEMPLATE_SD_THRESH = 5.0;
    private static final double MAX_SIM_THRESH = 0.95;
    private static final double MAX_THRESH = 0.9;
    private static final double MIN_THRESH = 0.2;
    private static final double SD_THRESH = 8.0;

    public List<TrackingPoint> extract(GreyImage image) {
        return new Run(image).select();
    }

    private static final class Run {
        private final int width;
        private final int height;
        private final int[] px;
        private final long[] sum;
        private final long[] sumSq;
        /** Each pixel with its right neighbour in the high half, to correlate two horizontal shifts per multiply. */
        private final long[] pairs;
        /** Per window centre: pixel sum and sqrt of the sum of squared deviations (NaN where flat or off-image). */
        private final double[] windowSum;
        private final double[] windowDeviation;

        Run(GreyImage image) {
            width = image.width();
            height = image.height();
            px = new int[width * height];
            for (int i = 0; i < px.length; i++) {
                px[i] = image.pixels()[i] & 0xff;
            }
            pairs = new long[px.length];
            for (int i = 0; i < px.length; i++) {
                pairs[i] = px[i] | (i + 1 < px.length ? (long) px[i + 1] << 32 : 0L);
            }
            // (w+1)x(h+1) integral images with a zero first row/column
            sum = new long[(width + 1) * (height + 1)];
            sumSq = new long[(width + 1) * (height + 1)];
            for (int y = 0; y < height; y++) {
                long rowSum = 0;
                long rowSq = 0;
                for (int x = 0; x < width; x++) {
                    int v = px[y * width + x];
                    rowSum += v;
                    rowSq += (long) v * v;
                    sum[(y + 1) * (width + 1) + x + 1] = sum[y * (width + 1) + x + 1] + rowSum;
                    sumSq[(y + 1) * (width + 1) + x + 1] = sumSq[y * (width + 1) + x + 1] + rowSq;
                }
            }
            windowSum = new double[px.length];
            windowDeviation = new double[px.length];
            windowStatistics();
        }

        private void windowStatistics() {
            Arrays.fill(windowDeviation, Double.NaN);
            for (int cy = TEMPLATE_SIZE; cy + TEMPLATE_SIZE < height; cy++) {
                for (int cx = TEMPLATE_SIZE; cx + TEMPLATE_SIZE < width; cx++) {
                    double sx = box(sum, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
                    double sxx = box(sumSq, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
                    double vlen2 = sxx - sx * sx / TEMPLATE_PIXELS;
                    windowSum[cy * width + cx] = sx;
                    windowDeviation[cy * width + cx] = vlen2 == 0 ? Double.NaN : Math.sqrt(vlen2);
                }
            }
        }

        private long box(long[] table, int x1, int y1, int x2, int y2) {
            int w = width + 1;
            return table[(y2 + 1) * w + x2 + 1] - table[y1 * w + x2 + 1] - table[(y2 + 1) * w + x1] + table[y1 * w + x1];
        }

        List<TrackingPoint> select() {
            float[] featureMap = featureMap();
            // the reference rescans the whole map for the smallest value (first in row-major order on ties)
            // after every pick or rejection; values only ever get raised to 1.0, so one sorted pass is equivalent
            int count = 0;
            for (float v : featureMap) {
                if (v < MAX_THRESH) {
                    count++;
                }
            }
            long[] order = new long[count];
            int n = 0;
            for (int i = 0; i < featureMap.length; i++) {
                if (featureMap[i] < MAX_THRESH) {
                    // float bits made order-preserving as signed ints, position as tie-breaker
                    int bits = Float.floatToIntBits(featureMap[i]);
                    int key = bits ^ ((bits >> 31) & 0x7fffffff);
                    order[n++] = ((long) key << 32) | i;
                }
            }
            Arrays.sort(order);
            boolean[] blanked = new boolean[featureMap.length];
            int occSize = Math.min(width, height) / 10;
            int divSize = TEMPLATE_WIDTH * 3;
            int maxFeatures = (occSize == 0 ? 0 : (width / occSize) * (height / occSize)) + (width / divSize) * (height / divSize);
            List<TrackingPoint> points = new ArrayList<>();
            for (long entry : order) {
                if (points.size() >= maxFeatures) {
                    break;
                }
                int pos = (int) entry;
                if (blanked[pos]) {
                    continue;
                }
                int cx = pos % width;
                int cy = pos / width;
                double minSim = featureMap[pos];
                double vlen = templateDeviation(cx, cy, 0);
                if (Double.isNaN(vlen) || vlen / TEMPLATE_WIDTH < SD_THRESH) {
                    continue;
                }
                if (!distinctFromNeighbours(cx, cy, vlen, minSim)) {
                    continue;
                }
                points.add(new TrackingPoint(cx, cy));
                for (int j = -occSize; j <= occSize; j++) {
                    for (int i = -occSize; i <= occSize; i++) {
                        int yy = cy + j;
                        int xx = cx + i;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                            blanked[yy * width + xx] = true;
                        }
                    }
                }
            }
            return points;
        }

        /** Rejects points too similar (NCC > 0.99) or too dissimilar (NCC < 0.2 and < its own score) to pixels 1-2 px away. */
        private boolean distinctFromNeighbours(int cx, int cy, double vlen, double minSim) {
            double min = 1.0;
            double max = -1.0;
            outer : for (int j = -SEARCH_SIZE2; j <= SEARCH_SIZE2; j++) {
                for (int i = -SEARCH_SIZE2; i <= SEARCH_SIZE2; i++) {
                    if (i * i + j * j > SEARCH_SIZE2 * SEARCH_SIZE2 || (i == 0 && j == 0)) {
                        continue;
                    }
                    double sim = similarity(cx + i, cy + j, vlen, cx, cy);
                    if (Double.isNaN(sim)) {
                        continue;
                    }
                    if (sim < min) {
                        min = sim;
                        if (min < MIN_THRESH && min < minSim) {
                            break outer;
                        }
                    }
                    if (sim > max) {
                        max = sim;
                        if (max > 0.99) {
                            break outer;
                        }
                    }
                }
            }
            return !((min < MIN_THRESH && min < minSim) || max > 0.99);
        }

        /** Per pixel: 1.0 if not a candidate, else the best NCC of its template within +-10 px (lower = more unique). */
        private float[] featureMap() {
            float[] dValue = new float[width * height];
            Arrays.fill(dValue, -1f);
            for (int j = 1; j < height - 1; j++) {
                for (int i = 1; i < width - 1; i++) {
                    int pos = i + width * j;
                    double dx = 0.0;
                    double dy = 0.0;
                    for (int k = -1; k <= 1; k++) {
                        dx += px[pos + width * k + 1] - px[pos + width * k - 1];
                        dy += px[pos + width + k] - px[pos - width + k];
                    }
                    dx /= 3 * 256;
                    dy /= 3 * 256;
                    dValue[pos] = (float) Math.sqrt((dx * dx + dy * dy) / 2);
                }
            }
            boolean[] selected = new boolean[width * height];
            int[] histogram = new int[1000];
            int[] neighbours = {-1, 1, -width, width};
            for (int j = 1; j < height - 1; j++) {
                for (int i = 1; i < width - 1; i++) {
                    int pos = i + width * j;
                    boolean isMax = true;
                    for (int d : neighbours) {
                        if (dValue[pos] <= dValue[pos + d]) {
                            isMax = false;
                            break;
                        }
                    }
                    if (isMax) {
                        int k = (int) Math.floor(dValue[pos] * 1000.0);
                        histogram[Math.max(0, Math.min(999, k))]++;
                        selected[pos] = true;
                    }
                }
            }
            // keep the strongest ~2 % of the local maxima by gradient
            double maxPoints = 0.02 * width * height;
            int k = 999;
            int filtered = 0;
            while (k >= 0) {
                filtered += histogram[k];
                if (filtered > maxPoints) {
                    break;
                }
                k--;
            }
            float[] featureMap = new float[width * height];
            for (int j = 0; j < height; j++) {
                for (int i = 0; i < width; i++) {
                    int pos = j * width + i;
                    if (!selected[pos] || dValue[pos] * 1000.0 < k) {
                        featureMap[pos] = 1.0f;
                        continue;
                    }
                    double vlen = templateDeviation(i, j, TEMPLATE_SD_THRESH);
                    if (Double.isNaN(vlen)) {
                        featureMap[pos] = 1.0f;
                        continue;
                    }
                    featureMap[pos] = (float) bestNeighbourSimilarity(i, j, vlen);
                }
            }
            return featureMap;
        }

        /** Scans shifts row by row, left to right, two at a time; stops early like the reference at NCC > 0.95. */
        private double bestNeighbourSimilarity(int i, int j, double vlen) {
            double templateAverage = box(sum, i - TEMPLATE_SIZE, j - TEMPLATE_SIZE, i + TEMPLATE_SIZE, j + TEMPLATE_SIZE);
            templateAverage /= TEMPLATE_PIXELS;
            double max = -1.0;
            for (int jj = -SEARCH_SIZE1; jj <= SEARCH_SIZE1; jj++) {
                for (int ii = -SEARCH_SIZE1; ii <= SEARCH_SIZE1; ii += 2) {
                    boolean first = ii * ii + jj * jj > SEARCH_SIZE2 * SEARCH_SIZE2 && inside(i + ii, j + jj);
                    int ii2 = ii + 1;
                    boolean second = ii2 <= SEARCH_SIZE1 && ii2 * ii2 + jj * jj > SEARCH_SIZE2 * SEARCH_SIZE2
                            && inside(i + ii2, j + jj);
                    if (!first && !second) {
                        continue;
                    }
                    long products = crossProducts(i + (first ? ii : ii2), j + jj, i, j);
                    if (first) {
                        double sim = ncc(products & 0xffffffffL, i + ii, j + jj, vlen, templateAverage);
                        if (!Double.isNaN(sim) && sim > max) {
                            max = sim;
                            if (max > MAX_SIM_THRESH) {
                                return max;
                            }
                        }
                    }
                    if (second) {
                        double sim = ncc(first ? products >>> 32 : products & 0xffffffffL, i + ii2, j + jj, vlen, templateAverage);
                        if (!Double.isNaN(sim) && sim > max) {
                            max = sim;
                            if (max > MAX_SIM_THRESH) {
                                return max;
                            }
                        }
                    }
                }
            }
            return max;
        }

        private boolean inside(int cx, int cy) {
            return cx - TEMPLATE_SIZE >= 0 && cx + TEMPLATE_SIZE < width && cy - TEMPLATE_SIZE >= 0 && cy + TEMPLATE_SIZE < height;
        }

        /** Sum of template(tx,ty) x window(cx,cy) in the low 32 bits and x window(cx+1,cy) in the high 32 bits. */
        private long crossProducts(int cx, int cy, int tx, int ty) {
            long acc = 0;
            int p1 = (cy - TEMPLATE_SIZE) * width + (cx - TEMPLATE_SIZE);
            int p2 = (ty - TEMPLATE_SIZE) * width + (tx - TEMPLATE_SIZE);
            for (int j = 0; j < TEMPLATE_WIDTH; j++) {
                for (int i = 0; i < TEMPLATE_WIDTH; i++) {
                    acc += px[p2 + i] * pairs[p1 + i];
                }
                p1 += width;
                p2 += width;
            }
            return acc;
        }

        /** NCC from the cross-product sum, computed in the reference's order of operations. */
        private double ncc(long crossSum, int cx, int cy, double vlen, double templateAverage) {
            int pos = cy * width + cx;
            double sxy = crossSum;
            sxy -= templateAverage * windowSum[pos];
            return 1.0 * sxy / (vlen * windowDeviation[pos]);
        }

        /** sqrt of the template's sum of squared deviations, NaN if outside the image or flatter than sdThresh. */
        private double templateDeviation(int cx, int cy, double sdThresh) {
            if (cx - TEMPLATE_SIZE < 0 || cx + TEMPLATE_SIZE >= width || cy - TEMPLATE_SIZE < 0 || cy + TEMPLATE_SIZE >= height) {
                return Double.NaN;
            }
            double s = box(sum, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
            double average = s / TEMPLATE_PIXELS;
            double vlen = box(sumSq, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
            vlen -= 2 * average * s;
            vlen += TEMPLATE_PIXELS * average * average;
            if (vlen / TEMPLATE_PIXELS < sdThresh * sdThresh) {
                return Double.NaN;
            }
            return Math.sqrt(vlen);
        }

        /** Normalised cross-correlation of the template at (tx,ty) with the window at (cx,cy); NaN if undefined. */
        private double similarity(int cx, int cy, double vlen, int tx, int ty) {
            if (cx - TEMPLATE_SIZE < 0 || cx + TEMPLATE_SIZE >= width || cy - TEMPLATE_SIZE < 0 || cy + TEMPLATE_SIZE >= height) {
                return Double.NaN;
            }
            double sx = box(sum, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
            double sxx = box(sumSq, cx - TEMPLATE_SIZE, cy - TEMPLATE_SIZE, cx + TEMPLATE_SIZE, cy + TEMPLATE_SIZE);
            long sxyInt = 0;
            int p1 = (cy - TEMPLATE_SIZE) * width + (cx - TEMPLATE_SIZE);
            int p2 = (ty - TEMPLATE_SIZE) * width + (tx - TEMPLATE_SIZE);
            for (int j = 0; j < TEMPLATE_WIDTH; j++) {
                for (int i = 0; i < TEMPLATE_WIDTH; i++) {
                    sxyInt += px[p1 + i] * px[p2 + i];
                }
                p1 += width;
                p2 += width;
            }
            double sxy = sxyInt;
            double templateAverage = box(sum, tx - TEMPLATE_SIZE, ty - TEMPLATE_SIZE, tx + TEMPLATE_SIZE, ty + TEMPLATE_SIZE);
            templateAverage /= TEMPLATE_PIXELS;
            sxy -= templateAverage * sx;
            double vlen2 = sxx - sx * sx / TEMPLATE_PIXELS;
            if (vlen2 == 0) {
                return Double.NaN;
            }
            vlen2 = Math.sqrt(vlen2);
            return 1.0 * sxy / (vlen * vlen2);
        }
    }
}
