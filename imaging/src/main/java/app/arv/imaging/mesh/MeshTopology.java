package app.arv.imaging.mesh;

import java.util.Arrays;

/**
 * Checks that a mesh is a closed, consistently oriented 2-manifold — watertight, in the sense 3D printing and
 * physics engines mean — and computes its Euler characteristic (2 for one sphere-like body).
 *
 * @param closedAndOriented every edge is used by exactly two faces, once in each direction
 * @param manifoldVertices the faces around every vertex form a single fan (no pinch vertices)
 * @param eulerCharacteristic V - E + F over the referenced vertices
 */
public record MeshTopology(boolean closedAndOriented, boolean manifoldVertices, int vertices, int edges, int faces,
        int eulerCharacteristic) {

    public boolean watertight() {
        return closedAndOriented && manifoldVertices;
    }

    public static MeshTopology of(TriangleMesh mesh) {
        int[] t = mesh.triangles();
        int f = mesh.faceCount();
        long[] directed = new long[3 * f];
        for (int i = 0; i < f; i++) {
            for (int k = 0; k < 3; k++) {
                directed[3 * i + k] = key(t[3 * i + k], t[3 * i + (k + 1) % 3]);
            }
        }
        long[] sorted = directed.clone();
        Arrays.sort(sorted);
        boolean closed = true;
        for (int i = 0; i < sorted.length; i++) {
            long e = sorted[i];
            if (i + 1 < sorted.length && sorted[i + 1] == e) {
                closed = false; // the same directed edge twice: inconsistent orientation or a non-manifold edge
            }
            long reverse = key((int) (e & 0xffffffffL), (int) (e >>> 32));
            if (Arrays.binarySearch(sorted, reverse) < 0) {
                closed = false; // an open edge
            }
            if ((int) (e >>> 32) == (int) (e & 0xffffffffL)) {
                closed = false;
            }
        }
        int edges = closed ? sorted.length / 2 : countUndirected(sorted);
        boolean[] used = new boolean[mesh.vertexCount()];
        for (int v : t) {
            used[v] = true;
        }
        int vertices = 0;
        for (boolean u : used) {
            vertices += u ? 1 : 0;
        }
        return new MeshTopology(closed, closed && singleFans(mesh), vertices, edges, f, vertices - edges + f);
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static int countUndirected(long[] sorted) {
        long[] undirected = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            int a = (int) (sorted[i] >>> 32);
            int b = (int) (sorted[i] & 0xffffffffL);
            undirected[i] = key(Math.min(a, b), Math.max(a, b));
        }
        Arrays.sort(undirected);
        int n = 0;
        for (int i = 0; i < undirected.length; i++) {
            if (i == 0 || undirected[i] != undirected[i - 1]) {
                n++;
            }
        }
        return n;
    }

    /**
     * On a closed oriented mesh, each face around vertex v contributes the step "previous neighbour -> next
     * neighbour"; those steps form one cycle exactly when v's faces form a single disc.
     */
    private static boolean singleFans(TriangleMesh mesh) {
        int n = mesh.vertexCount();
        int[] t = mesh.triangles();
        int[] start = new int[n + 1];
        for (int v : t) {
            start[v + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] from = new int[t.length];
        int[] to = new int[t.length];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < t.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                int v = t[3 * i + k];
                int slot = fill[v]++;
                from[slot] = t[3 * i + (k + 1) % 3];
                to[slot] = t[3 * i + (k + 2) % 3];
            }
        }
        for (int v = 0; v < n; v++) {
            int count = start[v + 1] - start[v];
            if (count == 0) {
                continue;
            }
            // walk from the first step; every step's "to" must be exactly one step's "from"
            int current = from[start[v]];
            int first = current;
            int walked = 0;
            do {
                int next = -1;
                for (int s = start[v]; s < start[v + 1]; s++) {
                    if (from[s] == current) {
                        next = to[s];
                        break;
                    }
                }
                if (next < 0) {
                    return false;
                }
                current = next;
                walked++;
            } while (current != first && walked <= count);
            if (walked != count || current != first) {
                return false;
            }
        }
        return true;
    }
}
