package app.arv.imaging.usdz;

import app.arv.imaging.TestImages;
import app.arv.imaging.gltf.GlbFile;
import app.arv.imaging.input.ExifOrientation;
import app.arv.imaging.input.GradientJpegs;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.Scene;
import app.arv.imaging.render.Surface;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GLBs, the generator's and hand-made ones, as USDZ files AR Quick Look opens. */
class UsdzWriterTest {

    private static final ImageDecoder DECODER = new ImageDecoder();
    private static byte[] coinsGlb;
    private static byte[] coinsUsdz;

    private final UsdzWriter writer = new UsdzWriter(DECODER);

    @BeforeAll
    static void generate() throws Exception {
        GeneratedModel model = new LocalModelGenerator().generate(TestImages.bytes("images/coins.png"),
                new GenerationOptions(5_000, TextureQuality.STANDARD));
        coinsGlb = model.glb();
        coinsUsdz = new UsdzWriter(DECODER).convert(coinsGlb);
    }

    @Test
    void everyEntryIsStoredWithItsDataOnA64ByteBoundaryTheLayerFirstAndTheTextureBesideIt() {
        UsdzFile usdz = UsdzFile.read(coinsUsdz);

        assertThat(usdz.entries).allSatisfy(entry -> {
            assertThat(entry.method()).as(entry.name()).isZero();
            assertThat(entry.dataOffset() % 64).as(entry.name()).isZero();
        });
        assertThat(usdz.entries.get(0).name()).endsWith(".usda");
        assertThat(usdz.entries).extracting(UsdzFile.Entry::name).contains("textures/texture0.jpg");
        assertThat(usdz.layer).contains("asset inputs:file = @textures/texture0.jpg@");
    }

    @Test
    void theGeneratorsJpegPhotoTextureIsCarriedAsTheGlbsOwnBytesNotReEncoded() {
        byte[] jpeg = embeddedImage(coinsGlb, 0);

        assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xff, 0xd8, 0xff);
        assertThat(UsdzFile.read(coinsUsdz).entry("textures/texture0.jpg").data()).isEqualTo(jpeg);
    }

    @Test
    void aPngTextureIsCarriedAsTheGlbsOwnBytes() throws Exception {
        byte[] png = TestImages.bytes("images/chelsea.png"); // another encoder's: re-encoded, it would differ

        UsdzFile usdz = converted(TEXTURED, png, "image/png");

        assertThat(usdz.entry("textures/texture0.png").data()).isEqualTo(png);
    }

    @Test
    void aTextureIsNamedByWhatItsBytesAreNotByTheTypeTheGlbDeclares() throws Exception {
        byte[] png = TestImages.bytes("images/chelsea.png");

        UsdzFile usdz = converted(TEXTURED, png, "image/jpeg");

        assertThat(usdz.entries).extracting(UsdzFile.Entry::name).containsExactly("model.usda", "textures/texture0.png");
        assertThat(usdz.entry("textures/texture0.png").data()).isEqualTo(png);
    }

    @Test
    void aWebpTextureWhichAUsdzCannotHoldIsReEncodedAsPng() throws Exception {
        byte[] webp = TestImages.bytes("images/chelsea-lossless.webp");

        UsdzFile usdz = converted(TEXTURED, webp, "image/webp");

        byte[] png = usdz.entry("textures/texture0.png").data();
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(usdz.layer).contains("asset inputs:file = @textures/texture0.png@");
    }

    @Test
    void aPortraitPhotoTextureStoredSidewaysWithAnExifOrientationIsWrittenUprightWithoutIt() throws Exception {
        // Stored 300 x 200, dark on the left; orientation 6 shows it turned a quarter clockwise: 200 x 300, dark at the top.
        byte[] sideways = GradientJpegs.withExifOrientation(GradientJpegs.gradient(300, 200, false), 6);

        byte[] texture = converted(TEXTURED, sideways, "image/jpeg").entry("textures/texture0.jpg").data();

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(texture));
        assertThat(ExifOrientation.of(texture)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(new int[]{stored.getWidth(), stored.getHeight()}).containsExactly(200, 300);
        assertThat(stored.getRGB(100, 5) & 0xff).as("top").isLessThan(40);
        assertThat(stored.getRGB(100, 294) & 0xff).as("bottom").isGreaterThan(215);
    }

    @Test
    void aTextureLargerThanArQuickLooks2048PixelsOnASideIsShrunkToThat() throws Exception {
        byte[] large = GradientJpegs.gradient(3000, 1500, false);

        byte[] texture = converted(TEXTURED, large, "image/jpeg").entry("textures/texture0.jpg").data();

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(texture));
        assertThat(new int[]{stored.getWidth(), stored.getHeight()}).containsExactly(2048, 1024);
    }

    @Test
    void theLayerIsInMetresWithYUp() {
        String layer = UsdzFile.read(coinsUsdz).layer;

        assertThat(layer).startsWith("#usda 1.0\n").contains("metersPerUnit = 1\n").contains("upAxis = \"Y\"\n")
                .contains("defaultPrim = \"Root\"");
    }

    @Test
    void theMeshesHoldTheGlbsTrianglesOverTheVerticesEachSurfaceUses() {
        Scene scene = new GlbScene(DECODER).read(coinsGlb);
        List<UsdzFile.Mesh> meshes = UsdzFile.read(coinsUsdz).meshes();

        assertThat(meshes).hasSameSizeAs(scene.surfaces());
        for (int s = 0; s < meshes.size(); s++) {
            UsdzFile.Mesh mesh = meshes.get(s);
            int[] triangles = scene.surfaces().get(s).triangles();
            assertThat(mesh.faceVertexCounts()).hasSize(triangles.length / 3).containsOnly(3);
            assertThat(mesh.faceVertexIndices()).hasSize(triangles.length);
            assertThat(mesh.pointCount()).isEqualTo((int) Arrays.stream(triangles).distinct().count());
            assertThat(Arrays.stream(mesh.faceVertexIndices()).allMatch(i -> i >= 0 && i < mesh.pointCount())).isTrue();
            assertThat(mesh.normals()).hasSameSizeAs(mesh.points());
            assertThat(mesh.st()).hasSize(2 * mesh.pointCount());
            assertThat(mesh.material()).isEqualTo("/Root/Materials/Material" + s);
        }
    }

    @Test
    void aSingleSurfaceKeepsEveryVertexAndTheVFlipsForUsd() throws Exception {
        UsdzFile usdz = UsdzFile.read(writer.convert(texturedTriangleGlb()));

        UsdzFile.Mesh mesh = usdz.meshes().get(0);
        assertThat(mesh.pointCount()).isEqualTo(3);
        assertThat(mesh.faceVertexIndices()).containsExactly(0, 1, 2);
        assertThat(mesh.points()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
        // glTF's (u, v) = (1, 0.25), a quarter down the image, is USD's st (1, 0.75)
        assertThat(mesh.st()[2]).isEqualTo(1f);
        assertThat(mesh.st()[3]).isEqualTo(0.75f);
    }

    @Test
    void aGlbWithoutTextureGetsAPlainColourMaterial() throws Exception {
        UsdzFile usdz = UsdzFile.read(writer.convert(colouredTriangleGlb()));

        assertThat(usdz.entries).hasSize(1);
        assertThat(usdz.layer).contains("color3f inputs:diffuseColor = (0.2, 0.6, 0.1)").doesNotContain("UsdUVTexture")
                .doesNotContain("primvars:st");
        assertThat(usdz.layer).contains("uniform bool doubleSided = 1");
    }

    @Test
    void theTextureIsScaledByTheBaseColourFactor() throws Exception {
        String layer = UsdzFile.read(writer.convert(texturedTriangleGlb())).layer;

        assertThat(layer).contains("float4 inputs:scale = (0.5, 1, 1, 1)").contains("token inputs:sourceColorSpace = \"sRGB\"")
                .contains("color3f inputs:diffuseColor.connect = </Root/Materials/Material0/Texture.outputs:rgb>");
    }

    @Test
    void anOpaqueMaterialIsOpaqueWhateverItsAlpha() throws Exception {
        String layer = converted(
                "{\"pbrMetallicRoughness\":{\"baseColorFactor\":[1,1,1,0.4],\"baseColorTexture\":{\"index\":0}}}", translucentPng(),
                "image/png").layer;

        assertThat(layer).contains("float inputs:opacity = 1\n").doesNotContain("opacity.connect").doesNotContain("opacityThreshold");
    }

    @Test
    void aBlendedMaterialsOpacityIsItsTexturesAlphaScaledByTheFactorsAlpha() throws Exception {
        String layer = converted("{\"alphaMode\":\"BLEND\",\"pbrMetallicRoughness\":"
                + "{\"baseColorFactor\":[0.5,1,1,0.4],\"baseColorTexture\":{\"index\":0}}}", translucentPng(), "image/png").layer;

        assertThat(layer).contains("float inputs:opacity.connect = </Root/Materials/Material0/Texture.outputs:a>")
                .contains("float4 inputs:scale = (0.5, 1, 1, 0.4)").contains("float outputs:a\n")
                .doesNotContain("opacityThreshold");
    }

    @Test
    void aBlendedMaterialWhoseTextureHasNoAlphaTakesTheFactorsAlpha() throws Exception {
        String layer = converted("{\"alphaMode\":\"BLEND\",\"pbrMetallicRoughness\":"
                + "{\"baseColorFactor\":[1,1,1,0.4],\"baseColorTexture\":{\"index\":0}}}", opaquePng(), "image/png").layer;

        assertThat(layer).contains("float inputs:opacity = 0.4\n").doesNotContain("opacity.connect").doesNotContain("outputs:a");
    }

    @Test
    void aBlendedMaterialWithoutTextureTakesTheFactorsAlpha() throws Exception {
        String layer = converted(
                "{\"alphaMode\":\"BLEND\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.2,0.6,0.1,0.25]}}", null, null).layer;

        assertThat(layer).contains("color3f inputs:diffuseColor = (0.2, 0.6, 0.1)").contains("float inputs:opacity = 0.25\n")
                .doesNotContain("opacityThreshold");
    }

    @Test
    void aMaskedMaterialIsCutAtItsAlphaCutoff() throws Exception {
        String layer = converted("{\"alphaMode\":\"MASK\",\"alphaCutoff\":0.3,"
                + "\"pbrMetallicRoughness\":{\"baseColorTexture\":{\"index\":0}}}", translucentPng(), "image/png").layer;

        assertThat(layer).contains("float inputs:opacity.connect = </Root/Materials/Material0/Texture.outputs:a>")
                .contains("float inputs:opacityThreshold = 0.3\n");
    }

    @Test
    void aMaskedMaterialWithoutCutoffIsCutAtGltfsDefaultHalf() throws Exception {
        String layer = converted("{\"alphaMode\":\"MASK\",\"pbrMetallicRoughness\":"
                + "{\"baseColorTexture\":{\"index\":0}}}", translucentPng(), "image/png").layer;

        assertThat(layer).contains("float inputs:opacityThreshold = 0.5\n");
    }

    @Test
    void aMaskedMaterialCutAtZeroIsOpaqueAsGltfDrawsIt() throws Exception {
        String layer = converted("{\"alphaMode\":\"MASK\",\"alphaCutoff\":0,"
                + "\"pbrMetallicRoughness\":{\"baseColorTexture\":{\"index\":0}}}", translucentPng(), "image/png").layer;

        assertThat(layer).contains("float inputs:opacity = 1\n").doesNotContain("opacityThreshold").doesNotContain("opacity.connect");
    }

    @Test
    void aTextureWithATransparencyChunkHasAlpha() throws Exception {
        byte[] png = paletteWithTransparencyPng();

        String layer = converted("{\"alphaMode\":\"BLEND\",\"pbrMetallicRoughness\":"
                + "{\"baseColorTexture\":{\"index\":0}}}", png, "image/png").layer;

        assertThat(layer).contains("float inputs:opacity.connect = </Root/Materials/Material0/Texture.outputs:a>");
    }

    @Test
    void theLayerIsSpooledInTheDirectoryTheCallerNamesAndDeletedThere(@TempDir Path spool) throws Exception {
        UsdzWriter spooling = new UsdzWriter(DECODER, spool.resolve("missing"));

        assertThatThrownBy(() -> spooling.convert(coinsGlb)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseInstanceOf(NoSuchFileException.class);
        assertThat(new UsdzWriter(DECODER, spool).convert(coinsGlb)).isEqualTo(coinsUsdz);
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSameGlbGivesTheSameBytes() throws Exception {
        assertThat(writer.convert(coinsGlb)).isEqualTo(coinsUsdz);
    }

    @Test
    void notAGlbIsRefusedWithAReason() {
        assertThatThrownBy(() -> writer.convert("hello, not a model".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RefusedModelException.class).hasMessageContaining("not a binary glTF");
    }

    @Test
    void aCompressedMeshIsRefusedWithAReason() {
        byte[] draco = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"extensionsRequired\":[\"KHR_draco_mesh_compression\"]}", new byte[0]);

        assertThatThrownBy(() -> writer.convert(draco)).isInstanceOf(RefusedModelException.class).hasMessageContaining("draco");
    }

    @Test
    void aModelWithoutTrianglesIsRefusedNotWrittenEmpty() {
        byte[] empty = GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"}}", new byte[0]);

        assertThatThrownBy(() -> writer.convert(empty)).isInstanceOf(RefusedModelException.class).hasMessageContaining("no triangles");
    }

    @Test
    void aModelWithANonFiniteCoordinateIsRefused() {
        Scene scene = new Scene(new float[]{0, 0, 0, Float.NaN, 0, 0, 0, 1, 0}, new float[]{0, 0, 1, 0, 0, 1, 0, 0, 1}, null,
                List.of(new Surface(new int[]{0, 1, 2}, new float[]{1, 1, 1, 1}, (RgbaImage) null)));

        assertThatThrownBy(() -> writer.write(scene)).isInstanceOf(RefusedModelException.class);
    }

    @Test
    void aModelOverTheTriangleCapIsRefusedBeforeItsTextIsWritten() {
        Scene scene = new Scene(new float[]{0, 0, 0, 1, 0, 0, 0, 1, 0}, new float[]{0, 0, 1, 0, 0, 1, 0, 0, 1}, null,
                List.of(new Surface(new int[3 * (UsdzWriter.MAX_TRIANGLES + 1)], new float[]{1, 1, 1, 1}, (RgbaImage) null)));

        assertThatThrownBy(() -> writer.write(scene)).isInstanceOf(RefusedModelException.class).hasMessageContaining("at most 500000");
    }

    @Test
    void aSceneOfManyVerticesAndFewTrianglesIsWrittenWithMemoryForWhatIsWritten() throws Exception {
        int vertices = 2_000_000; // one triangle in each of 20 surfaces: the scene's vertices are not the file's
        float[] positions = new float[3 * vertices];
        float[] normals = new float[3 * vertices];
        positions[3] = 1;
        positions[7] = 1;
        normals[2] = normals[5] = normals[8] = 1;
        List<Surface> surfaces = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            surfaces.add(new Surface(new int[]{0, 1, 2}, new float[]{1, 1, 1, 1}, (RgbaImage) null));
        }
        Scene scene = new Scene(positions, normals, null, surfaces);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] usdz = writer.write(scene);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(UsdzFile.read(usdz).layer).contains("point3f[] points = [(0, 0, 0), (1, 0, 0), (0, 1, 0)]");
        assertThat(allocated).as("bytes allocated writing 20 triangles of a 2M-vertex scene").isLessThan(16L << 20);
    }

    /** One triangle (0,0,0) (1,0,0) (0,1,0), a double-sided green material without texture. */
    private static byte[] colouredTriangleGlb() {
        ByteBuffer bin = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        return GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0},\"material\":0}]}],"
                + "\"materials\":[{\"doubleSided\":true,\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.2,0.6,0.1,1]}}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteLength\":36}],\"buffers\":[{\"byteLength\":36}]}", bin.array());
    }

    /** The same triangle with UVs (0,0) (1,0.25) (0,1) and an embedded 64x64 PNG, base colour factor (0.5,1,1,1). */
    private static byte[] texturedTriangleGlb() {
        return triangleGlb(TEXTURED, opaquePng(), "image/png");
    }

    private static final String TEXTURED = "{\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.5,1,1,1],\"baseColorTexture\":{\"index\":0}}}";

    /** The triangle with UVs (0,0) (1,0.25) (0,1), the material given and, unless null, the image embedded, declared as {@code mimeType}. */
    /** The USDZ the writer makes of a one-triangle GLB with this material and embedded image. */
    private UsdzFile converted(String material, byte[] image, String mimeType) throws RefusedModelException {
        return UsdzFile.read(writer.convert(triangleGlb(material, image, mimeType)));
    }

    private static byte[] triangleGlb(String material, byte[] image, String mimeType) {
        byte[] embedded = image == null ? new byte[0] : image;
        int imageOffset = 60;
        ByteBuffer bin = ByteBuffer.allocate(imageOffset + embedded.length).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        bin.putFloat(0).putFloat(0).putFloat(1).putFloat(0.25f).putFloat(0).putFloat(1);
        bin.put(embedded);
        String images = image == null ? "" : ",\"textures\":[{\"source\":0}],\"images\":[{\"bufferView\":2,\"mimeType\":\"" + mimeType + "\"}]";
        return GlbFile.assembled("{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0,\"TEXCOORD_0\":1},"
                + "\"material\":0}]}],\"materials\":[" + material + "]" + images + ","
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\"},"
                + "{\"bufferView\":1,\"componentType\":5126,\"count\":3,\"type\":\"VEC2\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteLength\":36},{\"buffer\":0,\"byteOffset\":36,\"byteLength\":24},"
                + "{\"buffer\":0,\"byteOffset\":60,\"byteLength\":" + embedded.length + "}],"
                + "\"buffers\":[{\"byteLength\":" + bin.capacity() + "}]}", bin.array());
    }

    /** A 64x64 blue PNG without alpha channel. */
    private static byte[] opaquePng() {
        int[] argb = new int[64 * 64];
        Arrays.fill(argb, 0xff3366cc);
        return new RgbaImage(64, 64, argb).opaquePng();
    }

    /** A 64x64 RGBA PNG, its left half half transparent. */
    private static byte[] translucentPng() {
        int[] argb = new int[64 * 64];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 64 < 32 ? 0x803366cc : 0xff3366cc;
        }
        return new RgbaImage(64, 64, argb).png();
    }

    /** A 64x64 palette PNG whose first colour is transparent by its {@code tRNS} chunk (no alpha channel). */
    private static byte[] paletteWithTransparencyPng() throws IOException {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[]{0, (byte) 255}, new byte[]{0, 0}, new byte[]{0, 0},
                new byte[]{0, (byte) 255});
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED, palette);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        assertThat(png[25]).as("colour type: palette").isEqualTo((byte) 3);
        return png;
    }

    /** The bytes of the GLB's image, as embedded in its BIN chunk. */
    private static byte[] embeddedImage(byte[] glb, int index) {
        GlbFile file = GlbFile.parse(glb);
        JsonNode view = file.json.get("bufferViews").get(file.json.get("images").get(index).get("bufferView").asInt());
        byte[] bytes = new byte[view.get("byteLength").asInt()];
        file.bin.get(view.path("byteOffset").asInt(0), bytes);
        return bytes;
    }
}
