package app.arv.imaging.mesh;

import java.util.Arrays;

/**
 * Binary min-heap of candidate collapses stored in the heap arrays themselves (popped entries leave no trace,
 * so memory follows the live candidates); equal costs pop in insertion order.
 */
final class CollapseQueue {
    // one entry per slot: cost, insertion number (tie-break), edge (a, b), versions of a and b when queued
    private double[] cost;
    private int[] seq;
    private int[] a;
    private int[] b;
    private int[] va;
    private int[] vb;
    private int pushed;
    int size;
    // the entry {@link #pop()} took off last
    int topA;
    int topB;
    int topVa;
    int topVb;

    CollapseQueue(int capacity) {
        cost = new double[capacity];
        seq = new int[capacity];
        a = new int[capacity];
        b = new int[capacity];
        va = new int[capacity];
        vb = new int[capacity];
    }

    void push(double c, int u, int v, int versionU, int versionV) {
        if (size == cost.length) {
            int m = size * 2;
            cost = Arrays.copyOf(cost, m);
            seq = Arrays.copyOf(seq, m);
            a = Arrays.copyOf(a, m);
            b = Arrays.copyOf(b, m);
            va = Arrays.copyOf(va, m);
            vb = Arrays.copyOf(vb, m);
        }
        int i = size++;
        set(i, c, pushed++, u, v, versionU, versionV);
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    void pop() {
        topA = a[0];
        topB = b[0];
        topVa = va[0];
        topVb = vb[0];
        size--;
        if (size == 0) {
            return;
        }
        set(0, cost[size], seq[size], a[size], b[size], va[size], vb[size]);
        siftDown(0);
    }

    private void siftDown(int start) {
        int i = start;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && less(l, m)) {
                m = l;
            }
            if (r < size && less(r, m)) {
                m = r;
            }
            if (m == i) {
                break;
            }
            swap(i, m);
            i = m;
        }
    }

    /** Drops entries whose vertices died or moved since, then restores the heap order bottom-up. */
    void retainCurrent(boolean[] alive, int[] version) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (alive[a[i]] && alive[b[i]] && va[i] == version[a[i]] && vb[i] == version[b[i]]) {
                set(n++, cost[i], seq[i], a[i], b[i], va[i], vb[i]);
            }
        }
        size = n;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void set(int i, double c, int s, int u, int v, int versionU, int versionV) {
        cost[i] = c;
        seq[i] = s;
        a[i] = u;
        b[i] = v;
        va[i] = versionU;
        vb[i] = versionV;
    }

    private boolean less(int x, int y) {
        return cost[x] < cost[y] || (cost[x] == cost[y] && seq[x] < seq[y]);
    }

    private void swap(int i, int j) {
        double c = cost[i];
        cost[i] = cost[j];
        cost[j] = c;
        int s = seq[i];
        seq[i] = seq[j];
        seq[j] = s;
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        t = b[i];
        b[i] = b[j];
        b[j] = t;
        t = va[i];
        va[i] = va[j];
        va[j] = t;
        t = vb[i];
        vb[i] = vb[j];
        vb[j] = t;
    }
}
