package app.arv.imaging.mind.cluster;

/** The MSVC-style linear congruential generator MindAR seeds with 1234, so trees come out the same every time. */
final class Lcg {

    private long seed = 1234;

    int nextInt(int bound) {
        seed = (214013 * seed + 2531011) % (1L << 31);
        int k = (int) ((seed >> 16) & 0x7fff);
        return k % bound;
    }

    /** Partial Fisher-Yates style shuffle of the first {@code sampleSize} entries, as the reference does it. */
    void shuffle(int[] values, int sampleSize) {
        for (int i = 0; i < sampleSize; i++) {
            int k = nextInt(values.length);
            int tmp = values[i];
            values[i] = values[k];
            values[k] = tmp;
        }
    }
}
