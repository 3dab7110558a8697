package app.arv.imaging.usdz;

import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.Scene;
import app.arv.imaging.render.Surface;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A GLB as a USDZ for AR Quick Look (openusd.org's USDZ rules, written the way three.js's USDZExporter writes them):
 * a STORED zip whose first entry, {@value #LAYER}, is the USDA layer — one {@code Mesh} per surface of the
 * {@link Scene} (the node transforms already flattened by {@link GlbScene}) with its points, triangles, vertex
 * normals and {@code primvars:st} (u, 1 - v: glTF's v runs down the image, USD's up), bound to a UsdPreviewSurface
 * with the base colour factor, or a UsdUVTexture of the surface's texture scaled by it — then each texture as
 * {@code textures/textureN.png}. Every entry's data starts on a 64-byte boundary (padding in the local header's
 * extra field). {@code metersPerUnit = 1}, {@code upAxis = "Y"}: glTF's units and axes. Thread-safe; the same GLB
 * gives the same bytes.
 */
public final class UsdzWriter {

    public static final String MEDIA_TYPE = "model/vnd.usdz+zip";
    static final String LAYER = "model.usda";
    /** Above the generator's largest model; AR Quick Look shows far fewer. The USDA text takes some 100 bytes a vertex, held thrice while written. */
    static final int MAX_TRIANGLES = 500_000;
    private static final int ALIGNMENT = 64;
    private static final int PADDING_FIELD = 0x1986;

    private final GlbScene reader;

    /** @param decoder decodes the GLB's embedded textures (the application's, so its pixel limit and gate hold) */
    public UsdzWriter(ImageDecoder decoder) {
        this.reader = new GlbScene(decoder);
    }

    public byte[] convert(byte[] glb) throws RefusedModelException {
        return convert(ByteBuffer.wrap(glb));
    }

    /** As {@link #convert(byte[])}, from a buffer holding the whole GLB from its position on (e.g. a mapped file). */
    public byte[] convert(ByteBuffer glb) throws RefusedModelException {
        Scene scene;
        try {
            scene = reader.read(glb);
        } catch (IllegalArgumentException e) {
            throw new RefusedModelException("The model cannot be converted to USDZ: " + e.getMessage(), e);
        }
        return write(scene);
    }

    /** The scene as a USDZ; refused when it has no triangle or more than {@value #MAX_TRIANGLES}, or a coordinate is not finite. */
    public byte[] write(Scene scene) throws RefusedModelException {
        long triangles = 0;
        for (Surface surface : scene.surfaces()) {
            triangles += surface.triangles().length / 3;
        }
        if (triangles == 0) {
            throw new RefusedModelException("The model has no triangles to convert to USDZ");
        }
        if (triangles > MAX_TRIANGLES) {
            throw new RefusedModelException("The model has " + triangles + " triangles; a USDZ is made of at most " + MAX_TRIANGLES);
        }
        for (float[] values : new float[][]{scene.positions(), scene.normals()}) {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new RefusedModelException("The model has a coordinate that is not a number");
                }
            }
        }
        Map<RgbaImage, String> textures = new IdentityHashMap<>();
        List<RgbaImage> order = new ArrayList<>();
        for (Surface surface : scene.surfaces()) {
            if (surface.texture() != null && scene.uvs() != null && !textures.containsKey(surface.texture())) {
                textures.put(surface.texture(), "textures/texture" + order.size() + ".png");
                order.add(surface.texture());
            }
        }
        Zip zip = new Zip();
        zip.add(LAYER, usda(scene, textures).getBytes(StandardCharsets.US_ASCII));
        for (RgbaImage texture : order) {
            zip.add(textures.get(texture), texture.opaquePng());
        }
        return zip.finish();
    }

    private static String usda(Scene scene, Map<RgbaImage, String> textures) {
        StringBuilder out = new StringBuilder(64 + 100 * scene.vertexCount());
        out.append("#usda 1.0\n(\n    customLayerData = {\n        string creator = \"ARV\"\n    }\n")
                .append("    defaultPrim = \"Root\"\n    metersPerUnit = 1\n    upAxis = \"Y\"\n)\n\n")
                .append("def Xform \"Root\" (\n    kind = \"component\"\n)\n{\n");
        List<Surface> surfaces = scene.surfaces();
        for (int s = 0; s < surfaces.size(); s++) {
            if (surfaces.get(s).triangles().length > 0) {
                mesh(out, scene, s, textures.get(surfaces.get(s).texture()) != null && scene.uvs() != null);
            }
        }
        out.append("    def Scope \"Materials\"\n    {\n");
        for (int s = 0; s < surfaces.size(); s++) {
            Surface surface = surfaces.get(s);
            if (surface.triangles().length > 0) {
                material(out, s, surface, scene.uvs() == null ? null : textures.get(surface.texture()));
            }
        }
        return out.append("    }\n}\n").toString();
    }

    /** The surface's triangles over the vertices they use, renumbered from 0. */
    private static void mesh(StringBuilder out, Scene scene, int index, boolean textured) {
        Surface surface = scene.surfaces().get(index);
        int[] triangles = surface.triangles();
        int[] local = new int[scene.vertexCount()];
        Arrays.fill(local, -1);
        int[] used = new int[Math.min(triangles.length, scene.vertexCount())];
        int count = 0;
        for (int v : triangles) {
            if (local[v] < 0) {
                local[v] = count;
                used[count++] = v;
            }
        }
        float[] p = scene.positions();
        float[] n = scene.normals();
        float[] uv = scene.uvs();
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                min[c] = Math.min(min[c], p[3 * used[i] + c]);
                max[c] = Math.max(max[c], p[3 * used[i] + c]);
            }
        }
        out.append("    def Mesh \"Mesh").append(index).append("\" (\n        prepend apiSchemas = [\"MaterialBindingAPI\"]\n    )\n    {\n");
        out.append("        uniform bool doubleSided = ").append(surface.doubleSided() ? 1 : 0).append('\n');
        out.append("        float3[] extent = [(").append(number(min[0])).append(", ").append(number(min[1])).append(", ")
                .append(number(min[2])).append("), (").append(number(max[0])).append(", ").append(number(max[1])).append(", ")
                .append(number(max[2])).append(")]\n");
        out.append("        int[] faceVertexCounts = [");
        for (int t = 0; t < triangles.length / 3; t++) {
            out.append(t == 0 ? "3" : ", 3");
        }
        out.append("]\n        int[] faceVertexIndices = [");
        for (int i = 0; i < triangles.length; i++) {
            out.append(i == 0 ? "" : ", ").append(local[triangles[i]]);
        }
        out.append("]\n        rel material:binding = </Root/Materials/Material").append(index).append(">\n");
        out.append("        normal3f[] normals = [");
        vectors(out, n, used, count);
        out.append("] (\n            interpolation = \"vertex\"\n        )\n        point3f[] points = [");
        vectors(out, p, used, count);
        out.append("]\n");
        if (textured) {
            out.append("        texCoord2f[] primvars:st = [");
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "(" : ", (").append(number(uv[2 * used[i]])).append(", ").append(number(1 - uv[2 * used[i] + 1]))
                        .append(')');
            }
            out.append("] (\n            interpolation = \"vertex\"\n        )\n");
        }
        out.append("        uniform token orientation = \"rightHanded\"\n        uniform token subdivisionScheme = \"none\"\n    }\n\n");
    }

    private static void vectors(StringBuilder out, float[] values, int[] used, int count) {
        for (int i = 0; i < count; i++) {
            int v = 3 * used[i];
            out.append(i == 0 ? "(" : ", (").append(number(values[v])).append(", ").append(number(values[v + 1])).append(", ")
                    .append(number(values[v + 2])).append(')');
        }
    }

    private static void material(StringBuilder out, int index, Surface surface, String texture) {
        String path = "/Root/Materials/Material" + index;
        float[] c = surface.baseColour();
        String rgb = "(" + number(c[0]) + ", " + number(c[1]) + ", " + number(c[2]) + ")";
        out.append("        def Material \"Material").append(index).append("\"\n        {\n");
        out.append("            token outputs:surface.connect = <").append(path).append("/PreviewSurface.outputs:surface>\n\n");
        out.append("            def Shader \"PreviewSurface\"\n            {\n");
        out.append("                uniform token info:id = \"UsdPreviewSurface\"\n");
        if (texture == null) {
            out.append("                color3f inputs:diffuseColor = ").append(rgb).append('\n');
        } else {
            out.append("                color3f inputs:diffuseColor.connect = <").append(path).append("/Texture.outputs:rgb>\n");
        }
        out.append("                float inputs:metallic = 0\n");
        out.append("                float inputs:opacity = 1\n"); // as the preview draws it: glTF's alpha modes are not read
        out.append("                float inputs:roughness = 1\n");
        out.append("                int inputs:useSpecularWorkflow = 0\n");
        out.append("                token outputs:surface\n            }\n");
        if (texture != null) {
            out.append("\n            def Shader \"PrimvarReader\"\n            {\n");
            out.append("                uniform token info:id = \"UsdPrimvarReader_float2\"\n");
            out.append("                float2 inputs:fallback = (0, 0)\n");
            out.append("                token inputs:varname = \"st\"\n");
            out.append("                float2 outputs:result\n            }\n\n");
            out.append("            def Shader \"Texture\"\n            {\n");
            out.append("                uniform token info:id = \"UsdUVTexture\"\n");
            out.append("                asset inputs:file = @").append(texture).append("@\n");
            out.append("                float4 inputs:scale = ").append(rgb, 0, rgb.length() - 1).append(", 1)\n");
            out.append("                float2 inputs:st.connect = <").append(path).append("/PrimvarReader.outputs:result>\n");
            out.append("                token inputs:sourceColorSpace = \"sRGB\"\n");
            out.append("                token inputs:wrapS = \"repeat\"\n");
            out.append("                token inputs:wrapT = \"repeat\"\n");
            out.append("                float3 outputs:rgb\n            }\n");
        }
        out.append("        }\n");
    }

    /** A float as USDA reads it: Java's shortest round-trip digits, the exponent in lower case. */
    private static String number(float value) {
        float v = value == 0 ? 0 : value; // no "-0.0"
        String text = Float.toString(v);
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** A zip of STORED entries, each entry's data starting at a multiple of {@value #ALIGNMENT} bytes. */
    private static final class Zip {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int entries;

        void add(String name, byte[] content) throws RefusedModelException {
            byte[] fileName = name.getBytes(StandardCharsets.US_ASCII);
            long offset = data.size();
            if (offset + content.length > Integer.MAX_VALUE - 1024L) {
                throw new RefusedModelException("The model is too large for a USDZ");
            }
            int padding = (int) ((ALIGNMENT - (offset + 30 + fileName.length) % ALIGNMENT) % ALIGNMENT);
            if (padding > 0 && padding < 4) {
                padding += ALIGNMENT; // an extra field needs its 4-byte header
            }
            ByteBuffer extra = ByteBuffer.allocate(padding).order(ByteOrder.LITTLE_ENDIAN);
            if (padding > 0) {
                extra.putShort((short) PADDING_FIELD).putShort((short) (padding - 4));
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            local.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21) // 1980-01-01 00:00: the same model, the same bytes
                    .putInt((int) crc.getValue()).putInt(content.length).putInt(content.length)
                    .putShort((short) fileName.length).putShort((short) padding);
            data.writeBytes(local.array());
            data.writeBytes(fileName);
            data.writeBytes(extra.array());
            data.writeBytes(content);
            ByteBuffer central = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            central.putInt(0x02014b50).putShort((short) 10).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(content.length)
                    .putInt(content.length).putShort((short) fileName.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
            directory.writeBytes(central.array());
            directory.writeBytes(fileName);
            entries++;
        }

        byte[] finish() {
            int start = data.size();
            data.writeBytes(directory.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                    .putShort((short) entries).putInt(directory.size()).putInt(start).putShort((short) 0);
            data.writeBytes(end.array());
            return data.toByteArray();
        }
    }
}
