package app.arv.imaging.mesh;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MeshTopologyTest {

    private static final double[] TETRA_POSITIONS = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
    /** Counter-clockwise seen from outside. */
    private static final int[] TETRA = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};

    private static TriangleMesh mesh(double[] positions, int[] triangles) {
        return new TriangleMesh(positions, triangles, new boolean[positions.length / 3], new boolean[triangles.length / 3]);
    }

    @Test
    void aTetrahedronIsWatertightWithEulerCharacteristicTwo() {
        MeshTopology topology = MeshTopology.of(mesh(TETRA_POSITIONS, TETRA));

        assertThat(topology.watertight()).isTrue();
        assertThat(topology.edges()).isEqualTo(6);
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void aMissingFaceLeavesTheMeshOpen() {
        MeshTopology topology = MeshTopology.of(mesh(TETRA_POSITIONS, Arrays.copyOf(TETRA, 9)));

        assertThat(topology.closedAndOriented()).isFalse();
        assertThat(topology.watertight()).isFalse();
    }

    @Test
    void aFlippedFaceBreaksConsistentOrientation() {
        int[] flipped = TETRA.clone();
        flipped[1] = TETRA[2];
        flipped[2] = TETRA[1];

        assertThat(MeshTopology.of(mesh(TETRA_POSITIONS, flipped)).closedAndOriented()).isFalse();
    }

    @Test
    void twoTetrahedraSharingOnlyAVertexAreNotManifold() {
        double[] positions = Arrays.copyOf(TETRA_POSITIONS, 21);
        System.arraycopy(new double[]{-1, 0, 0, 0, -1, 0, 0, 0, -1}, 0, positions, 12, 9);
        // second tetrahedron: vertex 0 shared, 4 5 6 new, mirrored so it stays outward-facing
        int[] second = {0, 4, 5, 0, 6, 4, 0, 5, 6, 4, 6, 5};
        int[] both = Arrays.copyOf(TETRA, 24);
        System.arraycopy(second, 0, both, 12, 12);

        MeshTopology topology = MeshTopology.of(mesh(positions, both));

        assertThat(topology.closedAndOriented()).isTrue();
        assertThat(topology.manifoldVertices()).isFalse();
    }
}
