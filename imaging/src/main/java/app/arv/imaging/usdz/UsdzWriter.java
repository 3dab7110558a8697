package app.arv.imaging.usdz;

import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.Scene;
import app.arv.imaging.render.Surface;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A GLB as a USDZ for AR Quick Look (openusd.org's USDZ rules, written the way three.js's USDZExporter writes them):
 * a STORED zip whose first entry, {@value #LAYER}, is the USDA layer — one {@code Mesh} per surface of the
 * {@link Scene} (the node transforms already flattened by {@link GlbScene}) with its points, triangles, vertex
 * normals and {@code primvars:st} (u, 1 - v: glTF's v runs down the image, USD's up), bound to a UsdPreviewSurface
 * with the base colour factor, or a UsdUVTexture of the surface's texture scaled by it — then each texture as
 * {@code textures/textureN.png}. Every entry's data starts on a 64-byte boundary (padding in the local header's
 * extra field). {@code metersPerUnit = 1}, {@code upAxis = "Y"}: glTF's units and axes. Thread-safe; the same GLB
 * gives the same bytes. Memory in proportion to what is written, not to the scene: the USDA text is spooled to a
 * temporary file in small chunks (a STORED entry's header needs its CRC and size before its data; AR Quick Look does
 * not reliably read data descriptors), and the zip is streamed to the caller's stream.
 */
public final class UsdzWriter {

    public static final String MEDIA_TYPE = "model/vnd.usdz+zip";
    /** The format of what is written: part of a USDZ's ETag, so a changed writer is not answered 304 with its old output. */
    public static final int VERSION = 2;
    static final String LAYER = "model.usda";
    /** Above the generator's largest model; AR Quick Look shows far fewer. The USDA text takes some 100 bytes a vertex (spooled to a file). */
    static final int MAX_TRIANGLES = 500_000;
    /** The USDA text held in memory before it is spooled. */
    private static final int CHUNK = 1 << 16;
    private static final int ALIGNMENT = 64;
    private static final int PADDING_FIELD = 0x1986;

    private final GlbScene reader;

    /** @param decoder decodes the GLB's embedded textures (the application's, so its pixel limit and gate hold) */
    public UsdzWriter(ImageDecoder decoder) {
        this.reader = new GlbScene(decoder);
    }

    public byte[] convert(byte[] glb) throws RefusedModelException {
        return write(read(ByteBuffer.wrap(glb)));
    }

    /** As {@link #convert(byte[])}, from a buffer holding the whole GLB from its position on (e.g. a mapped file), to a stream. */
    public void convert(ByteBuffer glb, OutputStream out) throws RefusedModelException, IOException {
        write(read(glb), out);
    }

    private Scene read(ByteBuffer glb) throws RefusedModelException {
        try {
            return reader.read(glb);
        } catch (IllegalArgumentException e) {
            throw new RefusedModelException("The model cannot be converted to USDZ: " + e.getMessage(), e);
        }
    }

    /** The scene as a USDZ; refused when it has no triangle or more than {@value #MAX_TRIANGLES}, or a coordinate is not finite. */
    public byte[] write(Scene scene) throws RefusedModelException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(scene, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** As {@link #write(Scene)}, to a stream; its temporary file is deleted before this returns. */
    public void write(Scene scene, OutputStream out) throws RefusedModelException, IOException {
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
        Zip zip = new Zip(out);
        Path layer = Files.createTempFile("arv-usda-", ".usda");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream text = new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(layer), CHUNK), crc)) {
                usda(scene, textures, text);
            }
            try (InputStream in = Files.newInputStream(layer)) {
                zip.add(LAYER, crc.getValue(), Files.size(layer), in);
            }
        } finally {
            Files.deleteIfExists(layer);
        }
        for (RgbaImage texture : order) {
            byte[] png = texture.opaquePng();
            CRC32 crc = new CRC32();
            crc.update(png);
            zip.add(textures.get(texture), crc.getValue(), png.length, new ByteArrayInputStream(png));
        }
        zip.finish();
    }

    /** Writes the text held so far when it reaches {@value #CHUNK} characters (or always, at the end). */
    private static void spill(StringBuilder out, OutputStream sink, boolean always) throws IOException {
        if (always || out.length() >= CHUNK) {
            sink.write(out.toString().getBytes(StandardCharsets.US_ASCII));
            out.setLength(0);
        }
    }

    private static void usda(Scene scene, Map<RgbaImage, String> textures, OutputStream sink) throws IOException {
        StringBuilder out = new StringBuilder(CHUNK + 1024);
        out.append("#usda 1.0\n(\n    customLayerData = {\n        string creator = \"ARV\"\n    }\n")
                .append("    defaultPrim = \"Root\"\n    metersPerUnit = 1\n    upAxis = \"Y\"\n)\n\n")
                .append("def Xform \"Root\" (\n    kind = \"component\"\n)\n{\n");
        List<Surface> surfaces = scene.surfaces();
        for (int s = 0; s < surfaces.size(); s++) {
            if (surfaces.get(s).triangles().length > 0) {
                mesh(out, sink, scene, s, textures.get(surfaces.get(s).texture()) != null && scene.uvs() != null);
            }
        }
        out.append("    def Scope \"Materials\"\n    {\n");
        for (int s = 0; s < surfaces.size(); s++) {
            Surface surface = surfaces.get(s);
            if (surface.triangles().length > 0) {
                material(out, s, surface, scene.uvs() == null ? null : textures.get(surface.texture()));
                spill(out, sink, false);
            }
        }
        out.append("    }\n}\n");
        spill(out, sink, true);
    }

    /** The surface's triangles over the vertices they use, renumbered from 0 in the order they first occur. */
    private static void mesh(StringBuilder out, OutputStream sink, Scene scene, int index, boolean textured) throws IOException {
        Surface surface = scene.surfaces().get(index);
        int[] triangles = surface.triangles();
        Renumbering local = new Renumbering(triangles.length);
        int[] used = new int[triangles.length];
        int[] renumbered = new int[triangles.length];
        int count = 0;
        for (int i = 0; i < triangles.length; i++) {
            int number = local.numberOf(triangles[i], count);
            if (number == count) {
                used[count++] = triangles[i];
            }
            renumbered[i] = number;
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
            spill(out, sink, false);
        }
        out.append("]\n        int[] faceVertexIndices = [");
        for (int i = 0; i < triangles.length; i++) {
            out.append(i == 0 ? "" : ", ").append(renumbered[i]);
            spill(out, sink, false);
        }
        out.append("]\n        rel material:binding = </Root/Materials/Material").append(index).append(">\n");
        out.append("        normal3f[] normals = [");
        vectors(out, sink, n, used, count);
        out.append("] (\n            interpolation = \"vertex\"\n        )\n        point3f[] points = [");
        vectors(out, sink, p, used, count);
        out.append("]\n");
        if (textured) {
            out.append("        texCoord2f[] primvars:st = [");
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "(" : ", (").append(number(uv[2 * used[i]])).append(", ").append(number(1 - uv[2 * used[i] + 1]))
                        .append(')');
                spill(out, sink, false);
            }
            out.append("] (\n            interpolation = \"vertex\"\n        )\n");
        }
        out.append("        uniform token orientation = \"rightHanded\"\n        uniform token subdivisionScheme = \"none\"\n    }\n\n");
    }

    private static void vectors(StringBuilder out, OutputStream sink, float[] values, int[] used, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int v = 3 * used[i];
            out.append(i == 0 ? "(" : ", (").append(number(values[v])).append(", ").append(number(values[v + 1])).append(", ")
                    .append(number(values[v + 2])).append(')');
            spill(out, sink, false);
        }
    }

    /** A surface's vertex numbers to its own, in a table sized by the surface (not by the scene's vertices). */
    private static final class Renumbering {
        private final int[] keys;
        private final int[] values;

        Renumbering(int size) {
            int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            Arrays.fill(keys, -1);
        }

        /** The vertex's number, {@code next} (and remembered) when it has none yet. */
        int numberOf(int vertex, int next) {
            int mask = keys.length - 1;
            int slot = (vertex * 0x9E3779B1) >>> 1 & mask;
            while (keys[slot] >= 0) {
                if (keys[slot] == vertex) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = vertex;
            values[slot] = next;
            return next;
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

    /** A zip of STORED entries streamed out, each entry's data starting at a multiple of {@value #ALIGNMENT} bytes. */
    private static final class Zip {
        private final OutputStream data;
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private long written;
        private int entries;

        Zip(OutputStream data) {
            this.data = data;
        }

        private void put(byte[] bytes) throws IOException {
            data.write(bytes);
            written += bytes.length;
        }

        void add(String name, long crc, long size, InputStream content) throws RefusedModelException, IOException {
            byte[] fileName = name.getBytes(StandardCharsets.US_ASCII);
            long offset = written;
            if (offset + size > Integer.MAX_VALUE - 1024L) {
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
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            local.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21) // 1980-01-01 00:00: the same model, the same bytes
                    .putInt((int) crc).putInt((int) size).putInt((int) size)
                    .putShort((short) fileName.length).putShort((short) padding);
            put(local.array());
            put(fileName);
            put(extra.array());
            long copied = content.transferTo(data);
            if (copied != size) {
                throw new IOException("The entry " + name + " changed while it was written");
            }
            written += copied;
            ByteBuffer central = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            central.putInt(0x02014b50).putShort((short) 10).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) size)
                    .putInt((int) size).putShort((short) fileName.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
            directory.writeBytes(central.array());
            directory.writeBytes(fileName);
            entries++;
        }

        void finish() throws IOException {
            long start = written;
            put(directory.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                    .putShort((short) entries).putInt(directory.size()).putInt((int) start).putShort((short) 0);
            put(end.array());
            data.flush();
        }
    }
}
