package app.arv.imaging.gltf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlbWriterTest {

    private static GlbWriter.Model triangleFan(int vertices) {
        float[] positions = new float[3 * vertices];
        float[] normals = new float[3 * vertices];
        for (int v = 0; v < vertices; v++) {
            double a = 2 * Math.PI * v / vertices;
            positions[3 * v] = (float) Math.cos(a);
            positions[3 * v + 1] = (float) Math.sin(a);
            positions[3 * v + 2] = 0.1f;
            normals[3 * v + 2] = 1;
        }
        int[] front = new int[3 * (vertices - 2)];
        for (int t = 0; t < vertices - 2; t++) {
            front[3 * t] = 0;
            front[3 * t + 1] = t + 1;
            front[3 * t + 2] = t + 2;
        }
        float[] white = {1, 1, 1, 1};
        return new GlbWriter.Model("fan", positions, normals, null, front, new int[0], null, white, white);
    }

    @Test
    void indicesAreShortsWhileEveryIndexIsBelowThePrimitiveRestartValue() {
        GlbFile glb = GlbFile.parse(new GlbWriter().write(triangleFan(65_534)));

        int indices = glb.json.get("meshes").get(0).get("primitives").get(0).get("indices").asInt();
        assertThat(glb.accessor(indices).get("componentType").asInt()).isEqualTo(5123);
        assertThat(glb.indices(indices)[glb.indices(indices).length - 1]).isEqualTo(65_533);
    }

    @Test
    void indicesBecomeUnsignedIntsFromTheRestartValueOn() {
        GlbFile glb = GlbFile.parse(new GlbWriter().write(triangleFan(65_536)));

        int indices = glb.json.get("meshes").get(0).get("primitives").get(0).get("indices").asInt();
        assertThat(glb.accessor(indices).get("componentType").asInt()).isEqualTo(5125);
        assertThat(glb.indices(indices)[glb.indices(indices).length - 1]).isEqualTo(65_535);
    }

    @Test
    void anEmptySideIsLeftOutInsteadOfWrittenAsAnEmptyPrimitive() {
        GlbFile glb = GlbFile.parse(new GlbWriter().write(triangleFan(5)));

        assertThat(glb.json.get("meshes").get(0).get("primitives")).hasSize(1);
    }

    @Test
    void boundsAreWrittenAsTheExactFloatValues() {
        assertThat(Double.parseDouble(GlbWriter.num(0.1f))).isEqualTo((double) 0.1f);
        assertThat(GlbWriter.num(-2f)).isEqualTo("-2");
    }

    @Test
    void theJsonChunkIsPaddedWithSpacesToFourBytes() {
        byte[] bytes = new GlbWriter().write(triangleFan(5));
        GlbFile glb = GlbFile.parse(bytes);

        int end = 20 + glb.jsonChunkLength;
        assertThat(glb.jsonChunkLength % 4).isZero();
        assertThat(bytes[end - 1]).isIn((byte) ' ', (byte) '}');
    }
}
