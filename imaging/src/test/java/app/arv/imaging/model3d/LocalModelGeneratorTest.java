package app.arv.imaging.model3d;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.TestImages;
import app.arv.imaging.gltf.GlbFile;
import app.arv.imaging.mesh.MeshTopology;
import app.arv.imaging.mesh.TriangleMesh;
import app.arv.imaging.segment.NoObjectFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The generator's output read back from the GLB bytes, as a viewer would. */
class LocalModelGeneratorTest {

    private static final GenerationOptions TEN_THOUSAND = new GenerationOptions(10_000, TextureQuality.STANDARD);

    /** coffee.png enlarged to 4020 x 2680 and saved as JPEG: the size of a 12-megapixel phone photo. */
    private static final java.util.function.Supplier<byte[]> PHONE_PHOTO = memoized(() -> TestImages.enlargedJpeg(SampleImages.bytes("coffee.png"), 4020));

    private final LocalModelGenerator generator = new LocalModelGenerator();

    /** The mesh as stored in the GLB: positions and all primitives' triangles over the shared vertices. */
    private static TriangleMesh meshOf(GlbFile glb) {
        float[] p = glb.floats(glb.attributes().get("POSITION").asInt());
        double[] positions = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            positions[i] = p[i];
        }
        int[] triangles = glb.allTriangles();
        return new TriangleMesh(positions, triangles, new boolean[p.length / 3], new boolean[triangles.length / 3]);
    }

    @Test
    void theModelInTheGlbIsAWatertightSphereLikeBody() throws Exception {
        GeneratedModel model = generator.generate(SampleImages.bytes("horse.png"), TEN_THOUSAND);

        MeshTopology topology = MeshTopology.of(meshOf(GlbFile.parse(model.glb())));

        assertThat(topology.watertight()).isTrue();
        assertThat(topology.eulerCharacteristic()).isEqualTo(2);
        assertThat(model.stats().watertight()).isTrue();
        assertThat(model.stats().eulerCharacteristic()).isEqualTo(2);
    }

    @Test
    void theTrianglesWindOutwardsSoTheSurfaceEnclosesAPositiveVolume() throws Exception {
        GlbFile glb = GlbFile.parse(generator.generate(SampleImages.bytes("coins.png"), TEN_THOUSAND).glb());
        float[] p = glb.floats(glb.attributes().get("POSITION").asInt());
        int[] t = glb.allTriangles();

        // divergence theorem: the sum of signed tetrahedra (origin, triangle) is the enclosed volume
        double volume = 0;
        for (int i = 0; i < t.length; i += 3) {
            int a = 3 * t[i];
            int b = 3 * t[i + 1];
            int c = 3 * t[i + 2];
            volume += (p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) - p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c])
                    + p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c])) / 6;
        }

        assertThat(volume).isPositive();
    }

    @Test
    void theFaceCountStaysWithinTheLimit() throws Exception {
        GeneratedModel model = generator.generate(SampleImages.bytes("coffee.png"), new GenerationOptions(2_000, TextureQuality.NONE));

        GlbFile glb = GlbFile.parse(model.glb());

        assertThat(glb.allTriangles().length / 3).isLessThanOrEqualTo(2_000).isEqualTo(model.stats().faces());
        assertThat(model.stats().vertices()).isEqualTo(glb.accessor(glb.attributes().get("POSITION").asInt()).get("count").asInt());
    }

    @Test
    void normalsAreUnitLength() throws Exception {
        GlbFile glb = GlbFile.parse(generator.generate(SampleImages.bytes("horse.png"), TEN_THOUSAND).glb());

        float[] n = glb.floats(glb.attributes().get("NORMAL").asInt());

        for (int i = 0; i < n.length; i += 3) {
            assertThat(Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2])).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void textureCoordinatesLieInTheUnitSquareAndFollowTheImageAxes() throws Exception {
        GlbFile glb = GlbFile.parse(generator.generate(SampleImages.bytes("horse.png"), TEN_THOUSAND).glb());

        float[] uv = glb.floats(glb.attributes().get("TEXCOORD_0").asInt());
        float[] p = glb.floats(glb.attributes().get("POSITION").asInt());

        for (int v = 0; v < uv.length / 2; v++) {
            assertThat(uv[2 * v]).isBetween(0f, 1f);
            assertThat(uv[2 * v + 1]).isBetween(0f, 1f);
        }
        // u grows with x, v grows downwards (image rows) while y grows upwards
        int left = argMin(p, 0);
        int right = argMax(p, 0);
        int top = argMax(p, 1);
        int bottom = argMin(p, 1);
        assertThat(uv[2 * left]).isLessThan(uv[2 * right]);
        assertThat(uv[2 * top + 1]).isLessThan(uv[2 * bottom + 1]);
    }

    @Test
    void positionBoundsInTheAccessorAreTheDataExtremes() throws Exception {
        GlbFile glb = GlbFile.parse(generator.generate(SampleImages.bytes("coins.png"), TEN_THOUSAND).glb());
        int accessor = glb.attributes().get("POSITION").asInt();
        float[] p = glb.floats(accessor);

        JsonNode min = glb.accessor(accessor).get("min");
        JsonNode max = glb.accessor(accessor).get("max");
        for (int c = 0; c < 3; c++) {
            assertThat((float) min.get(c).asDouble()).isEqualTo(p[3 * argMin(p, c) + c]);
            assertThat((float) max.get(c).asDouble()).isEqualTo(p[3 * argMax(p, c) + c]);
        }
    }

    @Test
    void theGlbContainerFollowsTheBinaryGltfLayout() throws Exception {
        byte[] bytes = generator.generate(SampleImages.bytes("coins.png"), TEN_THOUSAND).glb();

        GlbFile glb = GlbFile.parse(bytes);

        assertThat(glb.version).isEqualTo(2);
        assertThat(glb.declaredLength).isEqualTo(bytes.length);
        assertThat(glb.jsonChunkLength % 4).isZero();
        assertThat(glb.binChunkOffset % 4).isZero();
        assertThat(glb.bin.capacity() % 4).isZero();
        assertThat(glb.json.get("asset").get("version").asText()).isEqualTo("2.0");
        assertThat(glb.json.get("buffers").get(0).get("byteLength").asInt()).isEqualTo(glb.bin.capacity());
        for (JsonNode view : glb.json.get("bufferViews")) {
            assertThat(view.get("byteOffset").asInt() % 4).isZero();
            assertThat(view.get("byteOffset").asInt() + view.get("byteLength").asInt()).isLessThanOrEqualTo(glb.bin.capacity());
        }
    }

    @Test
    void frontAndBackAreTwoPrimitivesSharingTheVerticesWithTheBackDarker() throws Exception {
        GlbFile glb = GlbFile.parse(generator.generate(SampleImages.bytes("horse.png"), TEN_THOUSAND).glb());

        JsonNode primitives = glb.json.get("meshes").get(0).get("primitives");
        assertThat(primitives).hasSize(2);
        assertThat(primitives.get(0).get("attributes")).isEqualTo(primitives.get(1).get("attributes"));
        JsonNode front = glb.json.get("materials").get(primitives.get(0).get("material").asInt());
        JsonNode back = glb.json.get("materials").get(primitives.get(1).get("material").asInt());
        assertThat(back.get("pbrMetallicRoughness").get("baseColorFactor").get(0).asDouble())
                .isLessThan(front.get("pbrMetallicRoughness").get("baseColorFactor").get(0).asDouble());
        assertThat(back.get("pbrMetallicRoughness").get("baseColorTexture").get("index").asInt()).isZero();
    }

    @Test
    void theEmbeddedTextureIsAJpegOfTheAnnouncedPowerOfTwoSize() throws Exception {
        GeneratedModel model = generator.generate(SampleImages.bytes("coffee.png"), TEN_THOUSAND);
        GlbFile glb = GlbFile.parse(model.glb());

        BufferedImage texture = ImageIO.read(new ByteArrayInputStream(glb.image(0)));

        assertThat(glb.json.get("images").get(0).get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(texture.getWidth()).isEqualTo(model.stats().textureWidth());
        assertThat(texture.getHeight()).isEqualTo(model.stats().textureHeight());
        assertThat(Integer.bitCount(texture.getWidth())).isEqualTo(1);
        assertThat(Integer.bitCount(texture.getHeight())).isEqualTo(1);
    }

    @Test
    void withoutTextureTheModelCarriesTheObjectsMeanColourAndNoImage() throws Exception {
        GeneratedModel model = generator.generate(SampleImages.bytes("horse.png"), new GenerationOptions(2_000, TextureQuality.NONE));
        GlbFile glb = GlbFile.parse(model.glb());

        assertThat(glb.json.has("images")).isFalse();
        assertThat(glb.attributes().has("TEXCOORD_0")).isFalse();
        JsonNode colour = glb.json.get("materials").get(0).get("pbrMetallicRoughness").get("baseColorFactor");
        assertThat(colour.get(0).asDouble()).isLessThan(0.05); // the horse is black
        assertThat(model.stats().textureWidth()).isZero();
    }

    @Test
    void hdTexturesAreLargerThanStandardOnesForALargePhoto() throws Exception {
        GeneratedModel standard = generator.generate(PHONE_PHOTO.get(), new GenerationOptions(500, TextureQuality.STANDARD));
        GeneratedModel hd = generator.generate(PHONE_PHOTO.get(), new GenerationOptions(500, TextureQuality.HD));

        assertThat(Math.max(standard.stats().textureWidth(), standard.stats().textureHeight())).isEqualTo(1024);
        assertThat(Math.max(hd.stats().textureWidth(), hd.stats().textureHeight())).isEqualTo(2048);
    }

    @Test
    void aTwelveMegapixelPhotoIsModelledWithinTheTestHeap() throws Exception {
        GeneratedModel model = generator.generate(new ByteArrayInputStream(PHONE_PHOTO.get()),
                new GenerationOptions(5_000, TextureQuality.HD));

        assertThat(model.stats().watertight()).isTrue();
        assertThat(model.stats().faces()).isLessThanOrEqualTo(5_000);
    }

    @Test
    void theSameImageAndOptionsGiveTheSameBytes() throws Exception {
        GeneratedModel a = generator.generate(SampleImages.bytes("coins.png"), TEN_THOUSAND);
        GeneratedModel b = new LocalModelGenerator().generate(SampleImages.bytes("coins.png"), TEN_THOUSAND);

        assertThat(a.glb()).isEqualTo(b.glb());
        assertThat(a.previewPng()).isEqualTo(b.previewPng());
    }

    @Test
    void oneGeneratorSharedByConcurrentCallsGivesEachTheResultOfARunAlone() throws Exception {
        GenerationOptions options = new GenerationOptions(3_000, TextureQuality.STANDARD);
        byte[] horseAlone = generator.generate(SampleImages.bytes("horse.png"), options).glb();
        byte[] coinsAlone = generator.generate(SampleImages.bytes("coins.png"), options).glb();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = pool.invokeAll(java.util.List.<java.util.concurrent.Callable<byte[]>>of(
                    () -> generator.generate(SampleImages.bytes("horse.png"), options).glb(),
                    () -> generator.generate(SampleImages.bytes("coins.png"), options).glb(),
                    () -> generator.generate(SampleImages.bytes("horse.png"), options).glb(),
                    () -> generator.generate(SampleImages.bytes("coins.png"), options).glb()));

            assertThat(results.get(0).get()).isEqualTo(horseAlone);
            assertThat(results.get(1).get()).isEqualTo(coinsAlone);
            assertThat(results.get(2).get()).isEqualTo(horseAlone);
            assertThat(results.get(3).get()).isEqualTo(coinsAlone);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePreviewIsARenderedPictureOfTheModelOnAnOpaqueGreyBackground() throws Exception {
        GeneratedModel model = generator.generate(SampleImages.bytes("horse.png"), TEN_THOUSAND);

        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(model.previewPng()));

        assertThat(Math.min(preview.getWidth(), preview.getHeight())).isGreaterThanOrEqualTo(512);
        int corner = preview.getRGB(preview.getWidth() - 1, 0);
        assertThat(corner >>> 24).isEqualTo(255);
        assertThat((corner >> 16) & 0xff).isEqualTo((corner >> 8) & 0xff).isEqualTo(corner & 0xff).isGreaterThan(200);
        assertThat(preview.getRGB(preview.getWidth() / 2, preview.getHeight() / 2) & 0xff).isLessThan(100); // the black horse
    }

    @Test
    void aUniformImageIsRefusedWithAReasonForTheUser() throws Exception {
        BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[640];
        Arrays.fill(row, 0x7f7f7f);
        for (int y = 0; y < 480; y++) {
            grey.setRGB(0, y, 640, 1, row, 0, 640);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", png);

        assertThatThrownBy(() -> generator.generate(png.toByteArray(), TEN_THOUSAND))
                .isInstanceOf(NoObjectFoundException.class)
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("uniform");
    }

    @Test
    void notAnImageIsRefused() {
        assertThatThrownBy(() -> generator.generate("hello".getBytes(), TEN_THOUSAND))
                .isInstanceOf(RefusedImageException.class)
                .hasMessageContaining("not a readable image");
    }

    @Test
    void faceLimitsOutsideTheSupportedRangeAreRejected() {
        assertThatThrownBy(() -> new GenerationOptions(499, TextureQuality.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerationOptions(200_001, TextureQuality.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TextureQuality.of("HD")).isEqualTo(TextureQuality.HD);
    }

    private static java.util.function.Supplier<byte[]> memoized(java.util.concurrent.Callable<byte[]> make) {
        byte[][] cache = new byte[1][];
        return () -> {
            synchronized (cache) {
                if (cache[0] == null) {
                    try {
                        cache[0] = make.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return cache[0];
            }
        };
    }

    private static int argMin(float[] p, int c) {
        int best = 0;
        for (int v = 1; v < p.length / 3; v++) {
            best = p[3 * v + c] < p[3 * best + c] ? v : best;
        }
        return best;
    }

    private static int argMax(float[] p, int c) {
        int best = 0;
        for (int v = 1; v < p.length / 3; v++) {
            best = p[3 * v + c] > p[3 * best + c] ? v : best;
        }
        return best;
    }
}
