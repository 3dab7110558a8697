package app.arv.imaging.mesh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilhouetteInflaterTest {

    private final SilhouetteInflater inflater = new SilhouetteInflater();

    @Test
    void aDiscInflatesToAClosedManifoldWithTheEulerCharacteristicOfASphere() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.disc(101, 40), 5000).mesh();

        MeshTopology topology = MeshTopology.of(mesh);
        assertThat(topology.watertight()).isTrue();
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void aDiscBulgesToThicknessTimesItsRadiusOnEachSide() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.disc(101, 40), 5000).mesh();

        double[] b = mesh.bounds();
        double radius = (b[3] - b[0]) / 2; // model units: the disc's diameter is 1
        assertThat(b[5]).isCloseTo(SilhouetteInflater.THICKNESS * radius, within(0.05 * radius));
        assertThat(b[2]).isCloseTo(-b[5], within(1e-12));
    }

    @Test
    void theRimLiesInThePlaneZEqualsZeroAndEveryOtherVertexOffIt() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.disc(101, 40), 5000).mesh();

        for (int v = 0; v < mesh.vertexCount(); v++) {
            double z = mesh.positions()[3 * v + 2];
            if (mesh.rim()[v]) {
                assertThat(z).isZero();
            } else {
                assertThat(Math.abs(z)).isGreaterThan(0);
            }
        }
    }

    @Test
    void frontFacesFaceTheViewerAndBackFacesAway() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.disc(101, 40), 5000).mesh();

        double[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = 3 * t[3 * f];
            int b = 3 * t[3 * f + 1];
            int c = 3 * t[3 * f + 2];
            double nz = (p[b] - p[a]) * (p[c + 1] - p[a + 1]) - (p[b + 1] - p[a + 1]) * (p[c] - p[a]);
            assertThat(mesh.back()[f] ? nz < 0 : nz > 0).as("face %d", f).isTrue();
        }
    }

    @Test
    void aOnePixelNeckStaysManifoldBecauseItsChordsAreSplit() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.dumbbell(), 20_000).mesh();

        MeshTopology topology = MeshTopology.of(mesh);
        assertThat(topology.watertight()).isTrue();
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void shapesTouchingAtACornerAndHolesBecomeOneSphereLikeBody() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.cornerTouchingSquaresWithHole(), 20_000).mesh();

        MeshTopology topology = MeshTopology.of(mesh);
        assertThat(topology.watertight()).isTrue();
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void theObjectsLongerSideSpansOneModelUnit() {
        TriangleMesh mesh = inflater.inflate(Silhouettes.dumbbell(), 5000).mesh();

        double[] b = mesh.bounds();
        assertThat(b[3] - b[0]).isCloseTo(1.0, within(0.02));
        assertThat(b[4] - b[1]).isCloseTo(41.0 / 120, within(0.03));
    }
}
