package app.arv.imaging.usdz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * An independent, strict reader of a USDZ for the tests (and the web ITs): walks the local headers from the start,
 * requiring every entry STORED, its data at a multiple of 64 bytes and its CRC right, and the central directory to
 * list the same entries; then reads the USDA layer's meshes (the array attributes a viewer needs) as numbers.
 */
public final class UsdzFile {

    /** One entry: its name, where its data starts in the file, its compression method and its bytes. */
    public record Entry(String name, int dataOffset, int method, byte[] data) {
    }

    /** One {@code def Mesh} of the layer. */
    public record Mesh(String name, int[] faceVertexCounts, int[] faceVertexIndices, float[] points, float[] normals, float[] st,
            String material) {

        public int pointCount() {
            return points.length / 3;
        }
    }

    public final List<Entry> entries;
    public final String layer;

    private UsdzFile(List<Entry> entries) {
        this.entries = entries;
        this.layer = new String(entries.get(0).data(), StandardCharsets.UTF_8);
    }

    public static UsdzFile read(byte[] usdz) {
        ByteBuffer file = ByteBuffer.wrap(usdz).order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        while (file.getInt(at) == 0x04034b50) {
            int method = file.getShort(at + 8) & 0xffff;
            int crc = file.getInt(at + 14);
            int compressed = file.getInt(at + 18);
            int size = file.getInt(at + 22);
            int nameLength = file.getShort(at + 26) & 0xffff;
            int extraLength = file.getShort(at + 28) & 0xffff;
            String name = new String(usdz, at + 30, nameLength, StandardCharsets.UTF_8);
            int data = at + 30 + nameLength + extraLength;
            if (compressed != size) {
                throw new IllegalStateException(name + ": compressed size differs from size");
            }
            byte[] content = new byte[size];
            file.get(data, content);
            CRC32 check = new CRC32();
            check.update(content);
            if ((int) check.getValue() != crc) {
                throw new IllegalStateException(name + ": CRC mismatch");
            }
            entries.add(new Entry(name, data, method, content));
            at = data + size;
        }
        if (file.getInt(at) != 0x02014b50) {
            throw new IllegalStateException("no central directory after the entries");
        }
        for (Entry entry : entries) {
            int nameLength = file.getShort(at + 28) & 0xffff;
            int next = at + 46 + nameLength + (file.getShort(at + 30) & 0xffff) + (file.getShort(at + 32) & 0xffff);
            if (file.getInt(at) != 0x02014b50 || !new String(usdz, at + 46, nameLength, StandardCharsets.UTF_8).equals(entry.name())) {
                throw new IllegalStateException("the central directory does not list " + entry.name());
            }
            at = next;
        }
        if (file.getInt(at) != 0x06054b50 || (file.getShort(at + 10) & 0xffff) != entries.size()) {
            throw new IllegalStateException("the end record does not count the entries");
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no entries");
        }
        return new UsdzFile(entries);
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    public List<Mesh> meshes() {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = Pattern.compile("def Mesh \"(\\w+)\"[^{]*\\{(.*?)\\n    }", Pattern.DOTALL).matcher(layer);
        while (m.find()) {
            bodies.put(m.group(1), m.group(2));
        }
        List<Mesh> meshes = new ArrayList<>();
        bodies.forEach((name, body) -> {
            Matcher material = Pattern.compile("rel material:binding = <([^>]+)>").matcher(body);
            meshes.add(new Mesh(name, ints(array(body, "int[] faceVertexCounts")), ints(array(body, "int[] faceVertexIndices")),
                    floats(array(body, "point3f[] points")), floats(array(body, "normal3f[] normals")),
                    floats(array(body, "texCoord2f[] primvars:st")), material.find() ? material.group(1) : null));
        });
        return meshes;
    }

    private static String array(String body, String attribute) {
        int start = body.indexOf(attribute + " = [");
        if (start < 0) {
            return null;
        }
        start += attribute.length() + 4;
        return body.substring(start, body.indexOf(']', start));
    }

    private static int[] ints(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        return Pattern.compile(",\\s*").splitAsStream(text.trim()).mapToInt(Integer::parseInt).toArray();
    }

    private static float[] floats(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.replace("(", "").replace(")", "").trim().split(",\\s*");
        if (parts.length == 1 && parts[0].isEmpty()) {
            return new float[0];
        }
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
