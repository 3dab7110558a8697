package app.arv.imaging.render;

import app.arv.imaging.TestImages;
import app.arv.imaging.gltf.GlbFile;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Any producer's GLB read back into a scene: the generator's own files are the known case. */
class GlbSceneTest {

    private final GlbScene reader = new GlbScene(new ImageDecoder());

    @Test
    void theGeneratorsGlbReadBackRendersExactlyAsItsPreview() throws Exception {
        GeneratedModel model = new LocalModelGenerator().generate(TestImages.bytes("images/coins.png"),
                new GenerationOptions(5_000, TextureQuality.STANDARD));

        Scene scene = reader.read(model.glb());

        assertThat(scene.uvs()).isNotNull();
        assertThat(scene.surfaces()).hasSize(2).allSatisfy(surface -> assertThat(surface.texture()).isNotNull());
        assertThat(new ModelPreview().png(scene)).isEqualTo(model.previewPng());
    }

    @Test
    void aModelWithoutTextureKeepsItsBaseColour() throws Exception {
        GeneratedModel model = new LocalModelGenerator().generate(TestImages.bytes("images/coffee.png"),
                new GenerationOptions(1_000, TextureQuality.NONE));

        Scene scene = reader.read(model.glb());

        assertThat(scene.uvs()).isNull();
        assertThat(scene.surfaces().get(0).texture()).isNull();
        assertThat(scene.surfaces().get(0).baseColour()[0]).isGreaterThan(scene.surfaces().get(0).baseColour()[2]); // a red cup
    }

    @Test
    void aNodesTranslationMovesItsMesh() {
        Scene scene = reader.read(triangleGlb("\"translation\":[10,0,0]"));

        assertThat(scene.positions()[0]).isEqualTo(10f);
        assertThat(scene.positions()[3]).isEqualTo(11f);
    }

    @Test
    void aMirroringNodeKeepsTheOutsideCounterClockwise() {
        Scene plain = reader.read(triangleGlb("\"scale\":[1,1,1]"));
        Scene mirrored = reader.read(triangleGlb("\"scale\":[-1,1,1]"));

        assertThat(plain.surfaces().get(0).triangles()).containsExactly(0, 1, 2);
        assertThat(mirrored.surfaces().get(0).triangles()).containsExactly(0, 2, 1);
        assertThat(mirrored.normals()[2]).isEqualTo(1f); // computed +z normal, still towards the same side
    }

    @Test
    void aDoubleSidedMaterialMakesADoubleSidedSurface() {
        ByteBuffer bin = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        byte[] leaf = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0},\"material\":0}]}],"
                + "\"materials\":[{\"doubleSided\":true,\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.2,0.6,0.1,1]}}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteLength\":36}],\"buffers\":[{\"byteLength\":36}]}", bin.array());

        Surface surface = reader.read(leaf).surfaces().get(0);

        assertThat(surface.doubleSided()).isTrue();
        assertThat(surface.baseColour()).containsExactly(0.2f, 0.6f, 0.1f, 1f);
    }

    @Test
    void compressedMeshesAreRefused() {
        byte[] glb = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"extensionsRequired\":[\"KHR_draco_mesh_compression\"]}", new byte[0]);

        assertThatThrownBy(() -> reader.read(glb)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draco");
    }

    @Test
    void anIndexPastTheBufferIsRefusedNotRead() {
        byte[] glb = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":1000,\"type\":\"VEC3\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteLength\":36}],\"buffers\":[{\"byteLength\":36}]}", new byte[36]);

        assertThatThrownBy(() -> reader.read(glb)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAccessorDeclaringMillionsOfZeroVerticesIsRefusedBeforeItsArrayIsAllocated() {
        // valid glTF of a few bytes: without a buffer view the 60 million vertices are zeros (720 MB of floats)
        byte[] glb = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}],"
                + "\"accessors\":[{\"componentType\":5126,\"type\":\"VEC3\",\"count\":60000000}]}", new byte[0]);

        assertThatThrownBy(() -> reader.read(glb)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60000000 elements");
    }

    @Test
    void notAGlbIsRefused() {
        assertThatThrownBy(() -> reader.read("hello, world, not a model".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One triangle (0,0,0) (1,0,0) (0,1,0), no normals, under one node with the given transform member. */
    private static byte[] triangleGlb(String transform) {
        ByteBuffer bin = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        return GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"scene\":0,\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0," + transform + "}],"
                + "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteLength\":36}],\"buffers\":[{\"byteLength\":36}]}", bin.array());
    }

}
