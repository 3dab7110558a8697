package app.arv.imaging.gltf;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes binary glTF 2.0 (GLB) for one textured mesh with a front and a back primitive.
 *
 * <p>Why our own writer rather than a library (jgltf-model and friends): the format we emit is one fixed shape —
 * one buffer, a handful of accessors, one image — and is about a hundred lines of layout; a library would add a
 * dependency tree to the container's classpath and still leave the exact choices below to us. Correctness is
 * checked the strict way instead: every file the generator produces in the tests goes through the Khronos glTF
 * Validator ({@code GltfValidatorIT}) and must come out with zero errors and zero warnings.
 *
 * <p>Layout choices the spec requires or the validator checks: chunks and every bufferView start on 4-byte
 * boundaries (JSON padded with spaces, BIN with zeros); POSITION has exact min/max (written as the float32
 * values' exact decimal expansion, so they compare equal to the data); NORMAL is unit length; indices are
 * UNSIGNED_SHORT only while every index stays below the 65535 restart value; the image bufferView has no target.
 */
public final class GlbWriter {

    private static final int MAGIC = 0x46546C67; // "glTF"
    private static final int JSON_CHUNK = 0x4E4F534A;
    private static final int BIN_CHUNK = 0x004E4942;
    private static final int FLOAT = 5126;
    private static final int UNSIGNED_SHORT = 5123;
    private static final int UNSIGNED_INT = 5125;
    private static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;

    /**
     * @param positions x,y,z per vertex
     * @param normals unit x,y,z per vertex
     * @param uvs u,v per vertex in [0,1], or null when there is no texture
     * @param frontIndices triangles of the front primitive; {@code backIndices} likewise (either may be empty)
     * @param texture encoded image (JPEG or PNG) or null
     * @param frontColour linear RGBA base colour factor of the front; {@code backColour} of the back
     */
    public record Model(String name, float[] positions, float[] normals, float[] uvs, int[] frontIndices,
            int[] backIndices, EncodedImage texture, float[] frontColour, float[] backColour) {
    }

    public record EncodedImage(byte[] bytes, String mimeType) {
    }

    public byte[] write(Model model) {
        int vertexCount = model.positions().length / 3;
        boolean shortIndices = vertexCount < 65535;
        Bin bin = new Bin();
        List<String> viewList = new ArrayList<>();
        List<String> accessorList = new ArrayList<>();

        int posView = bin.add(floats(model.positions()));
        viewList.add(view(posView, bin, ARRAY_BUFFER));
        float[] bounds = bounds(model.positions());
        accessorList.add("{\"bufferView\":" + (viewList.size() - 1) + ",\"componentType\":" + FLOAT + ",\"count\":" + vertexCount
                + ",\"type\":\"VEC3\",\"min\":[" + num(bounds[0]) + "," + num(bounds[1]) + "," + num(bounds[2]) + "],\"max\":["
                + num(bounds[3]) + "," + num(bounds[4]) + "," + num(bounds[5]) + "]}");
        int positionAccessor = accessorList.size() - 1;

        int normView = bin.add(floats(model.normals()));
        viewList.add(view(normView, bin, ARRAY_BUFFER));
        accessorList.add("{\"bufferView\":" + (viewList.size() - 1) + ",\"componentType\":" + FLOAT + ",\"count\":" + vertexCount
                + ",\"type\":\"VEC3\"}");
        int normalAccessor = accessorList.size() - 1;

        int uvAccessor = -1;
        if (model.uvs() != null) {
            int uvView = bin.add(floats(model.uvs()));
            viewList.add(view(uvView, bin, ARRAY_BUFFER));
            accessorList.add("{\"bufferView\":" + (viewList.size() - 1) + ",\"componentType\":" + FLOAT + ",\"count\":"
                    + vertexCount + ",\"type\":\"VEC2\"}");
            uvAccessor = accessorList.size() - 1;
        }

        List<String> primitives = new ArrayList<>();
        int[][] parts = {model.frontIndices(), model.backIndices()};
        for (int side = 0; side < 2; side++) {
            int[] indices = parts[side];
            if (indices.length == 0) {
                continue;
            }
            int idxView = bin.add(shortIndices ? shorts(indices) : ints(indices));
            viewList.add(view(idxView, bin, ELEMENT_ARRAY_BUFFER));
            accessorList.add("{\"bufferView\":" + (viewList.size() - 1) + ",\"componentType\":"
                    + (shortIndices ? UNSIGNED_SHORT : UNSIGNED_INT) + ",\"count\":" + indices.length + ",\"type\":\"SCALAR\"}");
            String attributes = "\"POSITION\":" + positionAccessor + ",\"NORMAL\":" + normalAccessor
                    + (uvAccessor >= 0 ? ",\"TEXCOORD_0\":" + uvAccessor : "");
            primitives.add("{\"attributes\":{" + attributes + "},\"indices\":" + (accessorList.size() - 1) + ",\"material\":"
                    + side + ",\"mode\":4}");
        }

        String textureJson = "";
        String imagesJson = "";
        if (model.texture() != null) {
            int imgView = bin.add(model.texture().bytes());
            viewList.add(view(imgView, bin, 0));
            imagesJson = ",\"images\":[{\"bufferView\":" + (viewList.size() - 1) + ",\"mimeType\":\"" + model.texture().mimeType()
                    + "\"}]";
            // clamp: UVs reach the crop's edges; trilinear minification for distant views
            textureJson = ",\"samplers\":[{\"magFilter\":9729,\"minFilter\":9987,\"wrapS\":33071,\"wrapT\":33071}]"
                    + ",\"textures\":[{\"sampler\":0,\"source\":0}]";
        }
        String materials = "\"materials\":[" + material("front", model.frontColour(), model.texture() != null) + ","
                + material("back", model.backColour(), model.texture() != null) + "]";

        byte[] binBytes = bin.bytes();
        String json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"ARV local image-to-3D\"},"
                + "\"scene\":0,\"scenes\":[{\"nodes\":[0]}],"
                + "\"nodes\":[{\"mesh\":0,\"name\":" + string(model.name()) + "}],"
                + "\"meshes\":[{\"name\":" + string(model.name()) + ",\"primitives\":[" + String.join(",", primitives) + "]}],"
                + materials + textureJson + imagesJson + ","
                + "\"accessors\":[" + String.join(",", accessorList) + "],"
                + "\"bufferViews\":[" + String.join(",", viewList) + "],"
                + "\"buffers\":[{\"byteLength\":" + binBytes.length + "}]}";
        return container(json.getBytes(StandardCharsets.UTF_8), binBytes);
    }

    private static String material(String name, float[] colour, boolean textured) {
        return "{\"name\":\"" + name + "\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[" + num(colour[0]) + ","
                + num(colour[1]) + "," + num(colour[2]) + "," + num(colour[3]) + "]"
                + (textured ? ",\"baseColorTexture\":{\"index\":0}" : "")
                + ",\"metallicFactor\":0,\"roughnessFactor\":0.9}}";
    }

    private static String view(int index, Bin bin, int target) {
        int[] range = bin.ranges.get(index);
        return "{\"buffer\":0,\"byteOffset\":" + range[0] + ",\"byteLength\":" + range[1]
                + (target != 0 ? ",\"target\":" + target : "") + "}";
    }

    private static byte[] container(byte[] json, byte[] bin) {
        int jsonLength = pad4(json.length);
        int total = 12 + 8 + jsonLength + 8 + bin.length;
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(2).putInt(total);
        out.putInt(jsonLength).putInt(JSON_CHUNK).put(json);
        for (int i = json.length; i < jsonLength; i++) {
            out.put((byte) ' ');
        }
        out.putInt(bin.length).putInt(BIN_CHUNK).put(bin);
        return out.array();
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static float[] bounds(float[] p) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < p.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                b[c] = Math.min(b[c], p[i + c]);
                b[c + 3] = Math.max(b[c + 3], p[i + c]);
            }
        }
        return b;
    }

    /** The float32's exact value as a decimal, so a reader parsing it as a double gets the same number back. */
    static String num(float f) {
        if (f == (long) f && Math.abs(f) < 1e15) {
            return Long.toString((long) f);
        }
        return new BigDecimal(f).toPlainString();
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] shorts(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** The BIN chunk under construction: each part starts on a 4-byte boundary. */
    private static final class Bin {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<int[]> ranges = new ArrayList<>();

        int add(byte[] data) {
            int offset = out.size();
            out.write(data, 0, data.length);
            while (out.size() % 4 != 0) {
                out.write(0);
            }
            ranges.add(new int[]{offset, data.length});
            return ranges.size() - 1;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
