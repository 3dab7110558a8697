package app.arv.imaging.mesh;

import java.util.Arrays;

/**
 * Reduces a closed mesh to at most {@code faceLimit} faces by quadric-error edge collapse (Garland and Heckbert
 * 1997): every vertex carries the sum of the squared-distance quadrics of its faces' planes (area weighted), and
 * the edge whose contraction adds the least error goes first (binary heap, stale entries skipped by version).
 *
 * <p>What the result keeps:
 * <ul>
 * <li>watertightness and manifoldness: a collapse must pass the link condition (the two endpoints share exactly
 *     the two vertices opposite the edge), which on a closed 2-manifold is exactly what keeps it one;</li>
 * <li>orientation and shape: a collapse may not turn any surviving face by more than ~80 degrees;</li>
 * <li>the silhouette: rim vertices only merge along the outline, with the target on the outline, under strong
 *     vertical constraint planes through each outline edge; an inner vertex merging into the rim takes the rim
 *     vertex's position; and no face may end up with all three corners on the rim (it would be a zero-thickness
 *     sliver, its front and back coinciding) unless the limit cannot be met otherwise. Texture coordinates are projected from x/y afterwards, so there are
 *     no UV seams to protect.</li>
 * </ul>
 * Deterministic: ties are broken by insertion order. Holds its working state in fields: use one instance per
 * thread (or per call).
 */
public final class QuadricSimplifier {

    /** Weight of the outline constraint planes relative to the face planes (per squared edge length). */
    static final double RIM_WEIGHT = 100;
    /**
     * Minimum cosine between a face's normal before and after a collapse, per attempt round: each round starts
     * from the edges left over by the previous one. The last round also lets faces get three rim corners: a
     * local sliver is better than missing the face limit (only tiny, convoluted outlines ever get there).
     */
    private static final double[] FLIP_LIMITS = {0.2, 0.0, -0.5, -0.9};

    private double[] pos;
    private boolean[] rim;
    private double[] quadric;
    private int[] tri;
    private boolean[] back;
    private boolean[] faceAlive;
    private boolean[] vertexAlive;
    private int[] version;
    private int[][] vertexFaces;
    private int[] vertexFaceCount;
    private int[] mark;
    private int markStamp;
    private int liveFaces;
    private CollapseQueue queue;
    private boolean allowRimFaces;
    private final double[] scratchQuadric = new double[10];
    private final double[] scratchPlane = new double[4];
    private final double[] solved = new double[3];
    private int planKeep;
    private int planRemove;
    private double planX;
    private double planY;
    private double planZ;
    private double planCost;

    public TriangleMesh simplify(TriangleMesh mesh, int faceLimit) {
        if (mesh.faceCount() <= faceLimit) {
            return mesh;
        }
        init(mesh);
        for (int round = 0; round < FLIP_LIMITS.length; round++) {
            double flipLimit = FLIP_LIMITS[round];
            allowRimFaces = round == FLIP_LIMITS.length - 1;
            queue = new CollapseQueue(3 * liveFaces / 2 + 16);
            for (int f = 0; f < faceAlive.length; f++) {
                if (!faceAlive[f]) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    int u = tri[3 * f + k];
                    int v = tri[3 * f + (k + 1) % 3];
                    if (u < v) {
                        push(u, v);
                    }
                }
            }
            while (liveFaces > faceLimit && queue.size > 0) {
                queue.pop();
                int u = queue.topA;
                int v = queue.topB;
                if (!vertexAlive[u] || !vertexAlive[v] || queue.topVa != version[u] || queue.topVb != version[v]) {
                    continue;
                }
                tryCollapse(u, v, flipLimit);
                if (queue.size > 3 * liveFaces + 1024) {
                    // most entries are stale by now (every collapse re-queues its neighbourhood): drop them so
                    // memory follows the live edges (about 1.5 per face), not the number of collapses so far
                    queue.retainCurrent(vertexAlive, version);
                }
            }
            if (liveFaces <= faceLimit) {
                break;
            }
        }
        if (liveFaces > faceLimit) {
            // the link condition alone only blocks collapses on meshes near a tetrahedron: a defect, not an input
            throw new IllegalStateException("simplification stuck at " + liveFaces + " faces above the limit " + faceLimit);
        }
        return compact();
    }

    private void init(TriangleMesh mesh) {
        pos = mesh.positions().clone();
        rim = mesh.rim().clone();
        tri = mesh.triangles().clone();
        back = mesh.back().clone();
        int n = mesh.vertexCount();
        int f = mesh.faceCount();
        faceAlive = new boolean[f];
        Arrays.fill(faceAlive, true);
        liveFaces = f;
        vertexAlive = new boolean[n];
        Arrays.fill(vertexAlive, true);
        version = new int[n];
        mark = new int[n];
        vertexFaceCount = new int[n];
        for (int v : tri) {
            vertexFaceCount[v]++;
        }
        vertexFaces = new int[n][];
        for (int v = 0; v < n; v++) {
            vertexFaces[v] = new int[Math.max(4, vertexFaceCount[v])];
            vertexFaceCount[v] = 0;
        }
        for (int i = 0; i < f; i++) {
            for (int k = 0; k < 3; k++) {
                int v = tri[3 * i + k];
                vertexFaces[v][vertexFaceCount[v]++] = i;
            }
        }
        quadric = new double[10 * n];
        double[] plane = new double[4];
        for (int i = 0; i < f; i++) {
            double area = facePlane(tri[3 * i], tri[3 * i + 1], tri[3 * i + 2], plane);
            for (int k = 0; k < 3; k++) {
                addPlane(tri[3 * i + k], plane, area);
            }
            // outline edges: the front face's edge between two rim vertices; constrain both ends to the vertical
            // plane through the edge so the silhouette seen from the front survives simplification
            if (!back[i]) {
                for (int k = 0; k < 3; k++) {
                    int u = tri[3 * i + k];
                    int v = tri[3 * i + (k + 1) % 3];
                    if (rim[u] && rim[v]) {
                        double ex = pos[3 * v] - pos[3 * u];
                        double ey = pos[3 * v + 1] - pos[3 * u + 1];
                        double len2 = ex * ex + ey * ey;
                        if (len2 > 0) {
                            double len = Math.sqrt(len2);
                            double[] p = {ey / len, -ex / len, 0, 0};
                            p[3] = -(p[0] * pos[3 * u] + p[1] * pos[3 * u + 1]);
                            addPlane(u, p, RIM_WEIGHT * len2);
                            addPlane(v, p, RIM_WEIGHT * len2);
                        }
                    }
                }
            }
        }
    }

    /** Unit plane (a, b, c, d) of the face into {@code out}; returns the face's area (0 for a degenerate face). */
    private double facePlane(int a, int b, int c, double[] out) {
        double ux = pos[3 * b] - pos[3 * a];
        double uy = pos[3 * b + 1] - pos[3 * a + 1];
        double uz = pos[3 * b + 2] - pos[3 * a + 2];
        double vx = pos[3 * c] - pos[3 * a];
        double vy = pos[3 * c + 1] - pos[3 * a + 1];
        double vz = pos[3 * c + 2] - pos[3 * a + 2];
        double nx = uy * vz - uz * vy;
        double ny = uz * vx - ux * vz;
        double nz = ux * vy - uy * vx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (len == 0) {
            Arrays.fill(out, 0);
            return 0;
        }
        out[0] = nx / len;
        out[1] = ny / len;
        out[2] = nz / len;
        out[3] = -(out[0] * pos[3 * a] + out[1] * pos[3 * a + 1] + out[2] * pos[3 * a + 2]);
        return len / 2;
    }

    private void addPlane(int v, double[] p, double weight) {
        int o = 10 * v;
        quadric[o] += weight * p[0] * p[0];
        quadric[o + 1] += weight * p[0] * p[1];
        quadric[o + 2] += weight * p[0] * p[2];
        quadric[o + 3] += weight * p[0] * p[3];
        quadric[o + 4] += weight * p[1] * p[1];
        quadric[o + 5] += weight * p[1] * p[2];
        quadric[o + 6] += weight * p[1] * p[3];
        quadric[o + 7] += weight * p[2] * p[2];
        quadric[o + 8] += weight * p[2] * p[3];
        quadric[o + 9] += weight * p[3] * p[3];
    }

    private static double error(double[] q, double x, double y, double z) {
        return q[0] * x * x + 2 * q[1] * x * y + 2 * q[2] * x * z + 2 * q[3] * x + q[4] * y * y + 2 * q[5] * y * z
                + 2 * q[6] * y + q[7] * z * z + 2 * q[8] * z + q[9];
    }

    /**
     * Plans the collapse of edge (u, v) into the plan fields: which vertex survives and where it goes, with its
     * cost. False when the edge may never collapse (rim to rim across the inside). Fields, not a result object:
     * this runs for every edge after every collapse, and garbage here dominated the run time.
     */
    private boolean plan(int u, int v) {
        double[] q = scratchQuadric;
        for (int i = 0; i < 10; i++) {
            q[i] = quadric[10 * u + i] + quadric[10 * v + i];
        }
        if (rim[u] != rim[v]) {
            int keep = rim[u] ? u : v;
            setPlan(keep, keep == u ? v : u, pos[3 * keep], pos[3 * keep + 1], pos[3 * keep + 2], q);
            return true;
        }
        if (rim[u] && !isOutlineEdge(u, v)) {
            return false;
        }
        planCost = Double.MAX_VALUE;
        if (!rim[u] && solve(q) && withinReach(u, v)) {
            setPlan(u, v, solved[0], solved[1], solved[2], q);
        }
        considerPlan(u, v, pos[3 * u], pos[3 * u + 1], pos[3 * u + 2], q);
        considerPlan(v, u, pos[3 * v], pos[3 * v + 1], pos[3 * v + 2], q);
        considerPlan(u, v, (pos[3 * u] + pos[3 * v]) / 2, (pos[3 * u + 1] + pos[3 * v + 1]) / 2,
                (pos[3 * u + 2] + pos[3 * v + 2]) / 2, q);
        return true;
    }

    private void considerPlan(int keep, int remove, double x, double y, double z, double[] q) {
        if (error(q, x, y, z) < planCost) {
            setPlan(keep, remove, x, y, z, q);
        }
    }

    private void setPlan(int keep, int remove, double x, double y, double z, double[] q) {
        planKeep = keep;
        planRemove = remove;
        planX = x;
        planY = y;
        planZ = z;
        planCost = error(q, x, y, z);
    }

    /** The optimum of a nearly flat region is ill-conditioned and can lie far away; keep it near the edge. */
    private boolean withinReach(int u, int v) {
        double[] p = solved;
        double ex = pos[3 * v] - pos[3 * u];
        double ey = pos[3 * v + 1] - pos[3 * u + 1];
        double ez = pos[3 * v + 2] - pos[3 * u + 2];
        double len2 = ex * ex + ey * ey + ez * ez;
        double mx = (pos[3 * u] + pos[3 * v]) / 2 - p[0];
        double my = (pos[3 * u + 1] + pos[3 * v + 1]) / 2 - p[1];
        double mz = (pos[3 * u + 2] + pos[3 * v + 2]) / 2 - p[2];
        return mx * mx + my * my + mz * mz <= len2;
    }

    /** Solves the quadric's 3x3 system for its minimum into {@link #solved}; false when (nearly) singular. */
    private boolean solve(double[] q) {
        double a = q[0];
        double b = q[1];
        double c = q[2];
        double d = q[4];
        double e = q[5];
        double f = q[7];
        double det = a * (d * f - e * e) - b * (b * f - e * c) + c * (b * e - d * c);
        double scale = Math.abs(a) + Math.abs(d) + Math.abs(f);
        if (scale == 0 || Math.abs(det) < 1e-9 * scale * scale * scale) {
            return false;
        }
        double r0 = -q[3];
        double r1 = -q[6];
        double r2 = -q[8];
        double x = (r0 * (d * f - e * e) - b * (r1 * f - e * r2) + c * (r1 * e - d * r2)) / det;
        double y = (a * (r1 * f - e * r2) - r0 * (b * f - e * c) + c * (b * r2 - r1 * c)) / det;
        double z = (a * (d * r2 - r1 * e) - b * (b * r2 - r1 * c) + r0 * (b * e - d * c)) / det;
        solved[0] = x;
        solved[1] = y;
        solved[2] = z;
        return true;
    }

    /** An edge between two rim vertices is part of the outline when one of its faces is front and one back. */
    private boolean isOutlineEdge(int u, int v) {
        int fronts = 0;
        int backs = 0;
        for (int i = 0; i < vertexFaceCount[u]; i++) {
            int f = vertexFaces[u][i];
            if (faceAlive[f] && hasVertex(f, v)) {
                if (back[f]) {
                    backs++;
                } else {
                    fronts++;
                }
            }
        }
        return fronts == 1 && backs == 1;
    }

    private boolean hasVertex(int f, int v) {
        return tri[3 * f] == v || tri[3 * f + 1] == v || tri[3 * f + 2] == v;
    }

    private void push(int u, int v) {
        if (plan(u, v)) {
            queue.push(planCost, u, v, version[u], version[v]);
        }
    }

    private void tryCollapse(int u, int v, double flipLimit) {
        if (!plan(u, v)) {
            return;
        }
        int keep = planKeep;
        int remove = planRemove;
        double x = planX;
        double y = planY;
        double z = planZ;
        if (!linkConditionHolds(keep, remove) || !facesStayValid(keep, remove, x, y, z, flipLimit)
                || !facesStayValid(remove, keep, x, y, z, flipLimit)) {
            return;
        }
        for (int i = 0; i < vertexFaceCount[remove]; i++) {
            int f = vertexFaces[remove][i];
            if (!faceAlive[f]) {
                continue;
            }
            if (hasVertex(f, keep)) {
                faceAlive[f] = false;
                liveFaces--;
            } else {
                for (int k = 0; k < 3; k++) {
                    if (tri[3 * f + k] == remove) {
                        tri[3 * f + k] = keep;
                    }
                }
                addFace(keep, f);
            }
        }
        vertexAlive[remove] = false;
        vertexFaceCount[remove] = 0;
        pos[3 * keep] = x;
        pos[3 * keep + 1] = y;
        pos[3 * keep + 2] = z;
        for (int i = 0; i < 10; i++) {
            quadric[10 * keep + i] += quadric[10 * remove + i];
        }
        version[keep]++;
        compactFaces(keep);
        // new costs for every edge around the moved vertex
        markStamp++;
        for (int i = 0; i < vertexFaceCount[keep]; i++) {
            int f = vertexFaces[keep][i];
            for (int k = 0; k < 3; k++) {
                int n = tri[3 * f + k];
                if (n != keep && mark[n] != markStamp) {
                    mark[n] = markStamp;
                    push(Math.min(keep, n), Math.max(keep, n));
                }
            }
        }
    }

    private void addFace(int v, int f) {
        if (vertexFaceCount[v] == vertexFaces[v].length) {
            vertexFaces[v] = Arrays.copyOf(vertexFaces[v], vertexFaces[v].length * 2);
        }
        vertexFaces[v][vertexFaceCount[v]++] = f;
    }

    private void compactFaces(int v) {
        int n = 0;
        for (int i = 0; i < vertexFaceCount[v]; i++) {
            int f = vertexFaces[v][i];
            if (faceAlive[f]) {
                vertexFaces[v][n++] = f;
            }
        }
        vertexFaceCount[v] = n;
    }

    /** Link condition: the one-rings of the endpoints share exactly the two vertices opposite the edge. */
    private boolean linkConditionHolds(int a, int b) {
        markStamp++;
        int stampA = markStamp;
        for (int i = 0; i < vertexFaceCount[a]; i++) {
            int f = vertexFaces[a][i];
            if (!faceAlive[f]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int n = tri[3 * f + k];
                if (n != a) {
                    mark[n] = stampA;
                }
            }
        }
        markStamp++;
        int shared = 0;
        for (int i = 0; i < vertexFaceCount[b]; i++) {
            int f = vertexFaces[b][i];
            if (!faceAlive[f]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int n = tri[3 * f + k];
                if (n != b && n != a && mark[n] == stampA) {
                    mark[n] = markStamp; // count each shared vertex once
                    shared++;
                }
            }
        }
        return shared == 2;
    }

    /**
     * Every face of {@code moving} that survives (does not contain {@code other}) must keep its orientation, stay
     * non-degenerate and not end up with three rim corners once {@code moving} sits at (x, y, z).
     */
    private boolean facesStayValid(int moving, int other, double x, double y, double z, double flipLimit) {
        boolean movedIsRim = rim[moving] || rim[other];
        double[] before = scratchPlane;
        for (int i = 0; i < vertexFaceCount[moving]; i++) {
            int f = vertexFaces[moving][i];
            if (!faceAlive[f] || hasVertex(f, other)) {
                continue;
            }
            int k = tri[3 * f] == moving ? 0 : tri[3 * f + 1] == moving ? 1 : 2;
            int b = tri[3 * f + (k + 1) % 3];
            int c = tri[3 * f + (k + 2) % 3];
            if (movedIsRim && rim[b] && rim[c] && !allowRimFaces) {
                return false;
            }
            double areaBefore = facePlane(moving, b, c, before);
            double ux = pos[3 * b] - x;
            double uy = pos[3 * b + 1] - y;
            double uz = pos[3 * b + 2] - z;
            double vx = pos[3 * c] - x;
            double vy = pos[3 * c + 1] - y;
            double vz = pos[3 * c + 2] - z;
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len < 1e-12) {
                return false;
            }
            if (areaBefore > 0 && (nx * before[0] + ny * before[1] + nz * before[2]) / len < flipLimit) {
                return false;
            }
        }
        return true;
    }

    private TriangleMesh compact() {
        int n = vertexAlive.length;
        int[] remap = new int[n];
        Arrays.fill(remap, -1);
        int vertices = 0;
        int[] outTri = new int[3 * liveFaces];
        boolean[] outBack = new boolean[liveFaces];
        int faces = 0;
        for (int f = 0; f < faceAlive.length; f++) {
            if (!faceAlive[f]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int v = tri[3 * f + k];
                if (remap[v] < 0) {
                    remap[v] = vertices++;
                }
                outTri[3 * faces + k] = remap[v];
            }
            outBack[faces++] = back[f];
        }
        double[] outPos = new double[3 * vertices];
        boolean[] outRim = new boolean[vertices];
        for (int v = 0; v < n; v++) {
            if (remap[v] >= 0) {
                System.arraycopy(pos, 3 * v, outPos, 3 * remap[v], 3);
                outRim[remap[v]] = rim[v];
            }
        }
        return new TriangleMesh(outPos, outTri, outRim, outBack);
    }
}
