package app.arv.imaging.mesh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VertexNormalsTest {

    @Test
    void theCornersOfACounterClockwiseTriangleFaceTheViewer() {
        double[] corners = {0, 0, 0, 1, 0, 0, 0, 1, 0};

        float[] normals = VertexNormals.of(corners, new int[]{0, 1, 2});

        assertThat(normals).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void aSharedVertexLeansTowardsTheLargerOfItsFaces() {
        // Vertex 0 is shared by a unit triangle facing +z and one four times its area facing +x.
        double[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 2};

        float[] normals = VertexNormals.of(p, new int[]{0, 1, 2, 0, 3, 4});

        float x = normals[0];
        float z = normals[2];
        assertThat(x / z).isCloseTo(4f, within(1e-5f));
        assertThat(x * x + normals[1] * normals[1] + z * z).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void aTrailingIncompleteTriangleIsIgnored() {
        double[] corners = {0, 0, 0, 1, 0, 0, 0, 1, 0};

        assertThat(VertexNormals.of(corners, new int[]{0, 1, 2, 0, 1})).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
    }
}
