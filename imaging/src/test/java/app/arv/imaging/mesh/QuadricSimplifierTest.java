package app.arv.imaging.mesh;

import app.arv.imaging.TestImages;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.segment.ObjectSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuadricSimplifierTest {

    private static final TriangleMesh HORSE = horse();

    private static TriangleMesh horse() {
        try {
            var image = new RgbaImageLoader(768).load(TestImages.bytes("images/horse.png"));
            return new SilhouetteInflater().inflate(new ObjectSegmenter().segment(image).mask(), 15_000).mesh();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 2_000, 20_000})
    void theSimplifiedHorseHasAtMostTheFaceLimitAndStaysWatertight(int faceLimit) {
        TriangleMesh simplified = new QuadricSimplifier().simplify(HORSE, faceLimit);

        assertThat(HORSE.faceCount()).isGreaterThan(faceLimit);
        assertThat(simplified.faceCount()).isLessThanOrEqualTo(faceLimit).isGreaterThan(faceLimit * 9 / 10);
        MeshTopology topology = MeshTopology.of(simplified);
        assertThat(topology.watertight()).isTrue();
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void theSilhouetteKeepsItsExtentWhenSimplified() {
        TriangleMesh simplified = new QuadricSimplifier().simplify(HORSE, 2_000);

        double[] before = HORSE.bounds();
        double[] after = simplified.bounds();
        for (int c = 0; c < 2; c++) {
            assertThat(after[c]).isCloseTo(before[c], within(0.01));
            assertThat(after[c + 3]).isCloseTo(before[c + 3], within(0.01));
        }
        assertThat(after[5]).isCloseTo(before[5], within(0.1 * before[5]));
    }

    @Test
    void rimVerticesStayOnTheRimPlane() {
        TriangleMesh simplified = new QuadricSimplifier().simplify(HORSE, 2_000);

        int onTheRim = 0;
        for (int v = 0; v < simplified.vertexCount(); v++) {
            if (simplified.rim()[v]) {
                onTheRim++;
                assertThat(simplified.positions()[3 * v + 2]).isCloseTo(0.0, within(1e-9));
            }
        }
        assertThat(onTheRim).as("rim vertices the simplified horse keeps").isPositive();
    }

    @Test
    void noFaceEndsUpWithAllThreeCornersOnTheRim() {
        TriangleMesh simplified = new QuadricSimplifier().simplify(HORSE, 500);

        int[] t = simplified.triangles();
        boolean[] rim = simplified.rim();
        assertThat(rim).as("the simplified horse's rim").contains(true);
        for (int f = 0; f < simplified.faceCount(); f++) {
            assertThat(rim[t[3 * f]] && rim[t[3 * f + 1]] && rim[t[3 * f + 2]]).as("face %d", f).isFalse();
        }
    }

    @Test
    void sameMeshAndLimitGiveTheSameResult() {
        TriangleMesh a = new QuadricSimplifier().simplify(HORSE, 3_000);
        TriangleMesh b = new QuadricSimplifier().simplify(HORSE, 3_000);

        assertThat(a.triangles()).isEqualTo(b.triangles());
        assertThat(a.positions()).isEqualTo(b.positions());
    }

    @Test
    void aMeshAlreadyWithinTheLimitIsReturnedAsIs() {
        assertThat(new QuadricSimplifier().simplify(HORSE, HORSE.faceCount())).isSameAs(HORSE);
    }
}
