package app.arv.imaging.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An independent reader of the GLB container for the tests: parses the header and both chunks strictly (throwing
 * on any violation of the binary glTF 2.0 layout) and decodes accessors to arrays.
 */
public final class GlbFile {

    public final int version;
    public final int declaredLength;
    public final int jsonChunkLength;
    public final JsonNode json;
    public final ByteBuffer bin;
    public final int binChunkOffset;

    private GlbFile(int version, int declaredLength, int jsonChunkLength, JsonNode json, ByteBuffer bin, int binChunkOffset) {
        this.version = version;
        this.declaredLength = declaredLength;
        this.jsonChunkLength = jsonChunkLength;
        this.json = json;
        this.bin = bin;
        this.binChunkOffset = binChunkOffset;
    }

    /** A GLB container of the JSON text and the BIN chunk, each padded to 4 bytes as the format asks: a test's own model. */
    public static byte[] assembled(String json, byte[] bin) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int jsonLength = (text.length + 3) & ~3;
        int binLength = (bin.length + 3) & ~3;
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + jsonLength + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
        out.putInt(jsonLength).putInt(0x4E4F534A).put(text);
        for (int i = text.length; i < jsonLength; i++) {
            out.put((byte) ' ');
        }
        out.putInt(binLength).putInt(0x004E4942).put(bin);
        return out.array();
    }

    public static GlbFile parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46546C67) {
            throw new IllegalArgumentException("bad magic");
        }
        int version = b.getInt(4);
        int length = b.getInt(8);
        int jsonLength = b.getInt(12);
        if (b.getInt(16) != 0x4E4F534A) {
            throw new IllegalArgumentException("first chunk is not JSON");
        }
        String text = new String(bytes, 20, jsonLength, StandardCharsets.UTF_8);
        int binStart = 20 + jsonLength;
        int binLength = b.getInt(binStart);
        if (b.getInt(binStart + 4) != 0x004E4942) {
            throw new IllegalArgumentException("second chunk is not BIN");
        }
        ByteBuffer bin = ByteBuffer.wrap(Arrays.copyOfRange(bytes, binStart + 8, binStart + 8 + binLength))
                .order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new GlbFile(version, length, jsonLength, new ObjectMapper().readTree(text.trim()), bin, binStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode accessor(int index) {
        return json.get("accessors").get(index);
    }

    /** Float components of a FLOAT accessor, tightly packed. */
    public float[] floats(int accessorIndex) {
        JsonNode a = accessor(accessorIndex);
        int components = components(a.get("type").asText());
        JsonNode view = json.get("bufferViews").get(a.get("bufferView").asInt());
        int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
        float[] out = new float[a.get("count").asInt() * components];
        for (int i = 0; i < out.length; i++) {
            out[i] = bin.getFloat(offset + 4 * i);
        }
        return out;
    }

    /** Indices of an UNSIGNED_SHORT or UNSIGNED_INT accessor. */
    public int[] indices(int accessorIndex) {
        JsonNode a = accessor(accessorIndex);
        JsonNode view = json.get("bufferViews").get(a.get("bufferView").asInt());
        int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
        boolean shorts = a.get("componentType").asInt() == 5123;
        int[] out = new int[a.get("count").asInt()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shorts ? Short.toUnsignedInt(bin.getShort(offset + 2 * i)) : bin.getInt(offset + 4 * i);
        }
        return out;
    }

    /** All triangles of all primitives of mesh 0, concatenated (they share one vertex set). */
    public int[] allTriangles() {
        int[] all = new int[0];
        for (JsonNode primitive : json.get("meshes").get(0).get("primitives")) {
            int[] part = indices(primitive.get("indices").asInt());
            int[] joined = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, joined, all.length, part.length);
            all = joined;
        }
        return all;
    }

    public JsonNode attributes() {
        return json.get("meshes").get(0).get("primitives").get(0).get("attributes");
    }

    public byte[] image(int index) {
        JsonNode view = json.get("bufferViews").get(json.get("images").get(index).get("bufferView").asInt());
        int offset = view.path("byteOffset").asInt(0);
        byte[] out = new byte[view.get("byteLength").asInt()];
        bin.get(offset, out);
        return out;
    }

    private static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4" -> 4;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
