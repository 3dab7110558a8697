package app.arv.imaging.render;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.mesh.VertexNormals;
import app.arv.imaging.raster.RgbaImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary glTF 2.0 file (any producer's, e.g. a remote provider's) as a {@link Scene}: the default scene's node
 * tree with its transforms, every triangle primitive with POSITION, NORMAL (computed when missing), TEXCOORD_0
 * (float or normalized integers), its material's base colour factor, double-sidedness, alpha mode and cutoff and base colour
 * texture (embedded in the BIN chunk; decoded through the application's {@link ImageDecoder}, so its pixel limit holds, and
 * kept as embedded for a converter that passes it on). What a preview can do
 * without is left out: other texture maps, animation, skins, morph targets, lines and points. Compressed meshes
 * (Draco, meshopt, quantization) are refused with an {@link IllegalArgumentException}, like malformed files.
 */
public final class GlbScene {

    static final int MAX_TEXTURE_SIDE = 2048;
    /** A preview of more is no better; the bound keeps a hostile file from taking the heap. */
    static final int MAX_TRIANGLES = 3_000_000;
    /**
     * Unindexed, each triangle has its own three vertices; a model needs no more (per accessor and in all). An
     * accessor's count is checked against it before its array is allocated: a file of a few bytes can declare any
     * count (without a buffer view the elements are zeros), and 60 million would take the heap.
     */
    static final int MAX_VERTICES = 3 * MAX_TRIANGLES;
    private static final int MAX_NODE_DEPTH = 64;
    private static final int TRIANGLES = 4;

    private final ImageDecoder decoder;

    public GlbScene(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    public Scene read(byte[] glb) {
        return read(ByteBuffer.wrap(glb));
    }

    /**
     * As {@link #read(byte[])}, from a buffer holding the whole file from its position on: a provider's model mapped from
     * its file (up to hundreds of megabytes) is drawn without being copied into the heap.
     */
    public Scene read(ByteBuffer file) {
        ByteBuffer header = file.slice().order(ByteOrder.LITTLE_ENDIAN);
        int length = header.limit();
        if (length < 20 || header.getInt(0) != 0x46546C67 || header.getInt(4) != 2) {
            throw new IllegalArgumentException("not a binary glTF 2.0 file");
        }
        int jsonLength = header.getInt(12);
        if (header.getInt(16) != 0x4E4F534A || jsonLength < 0 || 20L + jsonLength > length) {
            throw new IllegalArgumentException("the GLB's first chunk is not its JSON");
        }
        ByteBuffer bin = null;
        int binStart = 20 + jsonLength;
        if (binStart + 8 <= length && header.getInt(binStart + 4) == 0x004E4942) {
            int binLength = header.getInt(binStart);
            if (binLength < 0 || (long) binStart + 8 + binLength > length) {
                throw new IllegalArgumentException("the GLB's BIN chunk is cut short");
            }
            bin = header.duplicate().position(binStart + 8).limit(binStart + 8 + binLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        byte[] json = new byte[jsonLength];
        header.get(20, json);
        Map<String, Object> root = map(JsonText.parse(new String(json, StandardCharsets.UTF_8)));
        for (Object required : list(root.get("extensionsRequired"))) {
            String name = String.valueOf(required);
            if (!name.startsWith("KHR_materials_") && !name.equals("KHR_texture_transform")) {
                throw new IllegalArgumentException("the model needs the glTF extension " + name);
            }
        }
        return new Reader(root, bin).scene();
    }

    /** One file's reading state: the accumulated vertices and surfaces, decoded textures by image index. */
    private final class Reader {
        private final Map<String, Object> root;
        private final ByteBuffer bin;
        private final FloatList positions = new FloatList();
        private final FloatList normals = new FloatList();
        private final FloatList uvs = new FloatList();
        private final List<Surface> surfaces = new ArrayList<>();
        private final Map<Integer, Image> images = new HashMap<>();
        private boolean textured;
        private long triangles;
        private long vertices;

        Reader(Map<String, Object> root, ByteBuffer bin) {
            this.root = root;
            this.bin = bin;
        }

        Scene scene() {
            List<Object> scenes = list(root.get("scenes"));
            if (scenes.isEmpty()) {
                for (int m = 0; m < list(root.get("meshes")).size(); m++) {
                    mesh(m, identity());
                }
            } else {
                int index = integer(root.getOrDefault("scene", 0.0));
                for (Object node : list(map(at(scenes, index)).get("nodes"))) {
                    node(integer(node), identity(), 0);
                }
            }
            return new Scene(positions.toArray(), normals.toArray(), textured ? uvs.toArray() : null, surfaces);
        }

        private void node(int index, double[] parent, int depth) {
            if (depth > MAX_NODE_DEPTH) {
                throw new IllegalArgumentException("the node tree is too deep (or has a cycle)");
            }
            Map<String, Object> node = map(at(list(root.get("nodes")), index));
            double[] world = multiply(parent, local(node));
            if (node.containsKey("mesh")) {
                mesh(integer(node.get("mesh")), world);
            }
            for (Object child : list(node.get("children"))) {
                node(integer(child), world, depth + 1);
            }
        }

        private void mesh(int index, double[] m) {
            for (Object p : list(map(at(list(root.get("meshes")), index)).get("primitives"))) {
                Map<String, Object> primitive = map(p);
                if (integer(primitive.getOrDefault("mode", (double) TRIANGLES)) == TRIANGLES) {
                    primitive(primitive, m);
                }
            }
        }

        private void primitive(Map<String, Object> primitive, double[] m) {
            Map<String, Object> attributes = map(primitive.get("attributes"));
            if (!attributes.containsKey("POSITION")) {
                return;
            }
            float[] p = floats(integer(attributes.get("POSITION")), 3);
            int count = p.length / 3;
            vertices += count;
            if (vertices > MAX_VERTICES) {
                throw new IllegalArgumentException("the model has more than " + MAX_VERTICES + " vertices");
            }
            int[] indices = primitive.containsKey("indices") ? indices(integer(primitive.get("indices"))) : sequence(count);
            triangles += indices.length / 3;
            if (triangles > MAX_TRIANGLES) {
                throw new IllegalArgumentException("the model has more than " + MAX_TRIANGLES + " triangles");
            }
            for (int i : indices) {
                if (i < 0 || i >= count) {
                    throw new IllegalArgumentException("a triangle index is outside its primitive's vertices");
                }
            }
            float[] n = attributes.containsKey("NORMAL") ? floats(integer(attributes.get("NORMAL")), 3) : smoothNormals(p, indices);
            float[] uv = attributes.containsKey("TEXCOORD_0") ? floats(integer(attributes.get("TEXCOORD_0")), 2) : new float[2 * count];
            if (n.length != p.length || uv.length != 2 * count) {
                throw new IllegalArgumentException("a primitive's attributes differ in length");
            }
            double determinant = determinant(m);
            int base = positions.size() / 3;
            double[] normalMatrix = cofactors(m);
            for (int v = 0; v < count; v++) {
                double x = p[3 * v];
                double y = p[3 * v + 1];
                double z = p[3 * v + 2];
                positions.add((float) (m[0] * x + m[4] * y + m[8] * z + m[12]));
                positions.add((float) (m[1] * x + m[5] * y + m[9] * z + m[13]));
                positions.add((float) (m[2] * x + m[6] * y + m[10] * z + m[14]));
                double nx = normalMatrix[0] * n[3 * v] + normalMatrix[3] * n[3 * v + 1] + normalMatrix[6] * n[3 * v + 2];
                double ny = normalMatrix[1] * n[3 * v] + normalMatrix[4] * n[3 * v + 1] + normalMatrix[7] * n[3 * v + 2];
                double nz = normalMatrix[2] * n[3 * v] + normalMatrix[5] * n[3 * v + 1] + normalMatrix[8] * n[3 * v + 2];
                double length = Math.sqrt(nx * nx + ny * ny + nz * nz) * Math.signum(determinant);
                boolean degenerate = !(Math.abs(length) > 1e-20);
                normals.add(degenerate ? 0 : (float) (nx / length));
                normals.add(degenerate ? 0 : (float) (ny / length));
                normals.add(degenerate ? 1 : (float) (nz / length));
                uvs.add(uv[2 * v]);
                uvs.add(uv[2 * v + 1]);
            }
            int[] shifted = new int[indices.length - indices.length % 3];
            for (int i = 0; i < shifted.length; i += 3) {
                // a mirroring transform turns the winding over; keep the outside counter-clockwise
                shifted[i] = base + indices[i];
                shifted[i + 1] = base + indices[determinant < 0 ? i + 2 : i + 1];
                shifted[i + 2] = base + indices[determinant < 0 ? i + 1 : i + 2];
            }
            surfaces.add(material(primitive.get("material"), shifted, attributes.containsKey("TEXCOORD_0")));
        }

        private Surface material(Object index, int[] triangles, boolean hasUvs) {
            float[] colour = {1, 1, 1, 1};
            Image texture = null;
            boolean doubleSided = false;
            Surface.AlphaMode alphaMode = Surface.AlphaMode.OPAQUE;
            float alphaCutoff = Surface.DEFAULT_ALPHA_CUTOFF;
            if (index != null) {
                Map<String, Object> material = map(at(list(root.get("materials")), integer(index)));
                doubleSided = Boolean.TRUE.equals(material.get("doubleSided"));
                alphaMode = alphaMode(material.get("alphaMode"));
                if (material.containsKey("alphaCutoff")) {
                    alphaCutoff = (float) number(material.get("alphaCutoff"));
                }
                Map<String, Object> pbr = map(material.get("pbrMetallicRoughness"));
                List<Object> factor = list(pbr.get("baseColorFactor"));
                for (int c = 0; c < Math.min(4, factor.size()); c++) {
                    colour[c] = (float) number(factor.get(c));
                }
                Map<String, Object> reference = map(pbr.get("baseColorTexture"));
                if (hasUvs && reference.containsKey("index") && integer(reference.getOrDefault("texCoord", 0.0)) == 0) {
                    Object source = map(at(list(root.get("textures")), integer(reference.get("index")))).get("source");
                    texture = source == null ? null : image(integer(source));
                }
            }
            textured |= texture != null;
            return new Surface(triangles, colour, texture == null ? null : texture.pixels(), doubleSided, alphaMode, alphaCutoff,
                    texture == null ? null : texture.file());
        }

        /** The embedded image, or null when it is external or undecodable: the base colour alone then. */
        private Image image(int index) {
            if (images.containsKey(index)) {
                return images.get(index);
            }
            Map<String, Object> image = map(at(list(root.get("images")), index));
            Image decoded = null;
            if (image.containsKey("bufferView")) {
                ByteBuffer view = view(integer(image.get("bufferView")));
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                try {
                    decoded = new Image(new RgbaImageLoader(MAX_TEXTURE_SIDE, decoder).load(bytes), bytes);
                } catch (RefusedImageException e) {
                    decoded = null;
                }
            }
            images.put(index, decoded);
            return decoded;
        }

        private ByteBuffer view(int index) {
            Map<String, Object> view = map(at(list(root.get("bufferViews")), index));
            if (bin == null || integer(view.getOrDefault("buffer", 0.0)) != 0) {
                throw new IllegalArgumentException("the model's data is outside the GLB");
            }
            int offset = integer(view.getOrDefault("byteOffset", 0.0));
            int length = integer(view.get("byteLength"));
            if (offset < 0 || length < 0 || (long) offset + length > bin.capacity()) {
                throw new IllegalArgumentException("a buffer view lies outside the BIN chunk");
            }
            return bin.duplicate().position(offset).limit(offset + length).slice().order(ByteOrder.LITTLE_ENDIAN);
        }

        /** A FLOAT (or normalized integer) accessor as floats, {@code components} per element. */
        private float[] floats(int index, int components) {
            Map<String, Object> accessor = map(at(list(root.get("accessors")), index));
            int type = integer(accessor.get("componentType"));
            int size = componentSize(type);
            int count = count(accessor, MAX_VERTICES);
            if (!accessor.containsKey("bufferView")) {
                return new float[count * components];
            }
            ByteBuffer view = view(integer(accessor.get("bufferView")));
            int stride = integer(map(at(list(root.get("bufferViews")), integer(accessor.get("bufferView")))).getOrDefault("byteStride",
                    (double) (size * components)));
            int offset = integer(accessor.getOrDefault("byteOffset", 0.0));
            if (offset < 0 || stride < size * components
                    || count > 0 && (long) offset + (long) stride * (count - 1) + (long) size * components > view.capacity()) {
                throw new IllegalArgumentException("an accessor runs past its buffer view");
            }
            float[] out = new float[count * components];
            for (int e = 0; e < count; e++) {
                for (int c = 0; c < components; c++) {
                    int at = offset + e * stride + c * size;
                    out[e * components + c] = switch (type) {
                        case 5126 -> view.getFloat(at);
                        case 5121 -> (view.get(at) & 0xff) / 255f;
                        case 5123 -> (view.getShort(at) & 0xffff) / 65535f;
                        case 5120 -> Math.max(view.get(at) / 127f, -1f);
                        case 5122 -> Math.max(view.getShort(at) / 32767f, -1f);
                        default -> throw new IllegalArgumentException("unsupported accessor component type " + type);
                    };
                }
            }
            return out;
        }

        private int[] indices(int index) {
            Map<String, Object> accessor = map(at(list(root.get("accessors")), index));
            int type = integer(accessor.get("componentType"));
            int size = componentSize(type);
            int count = count(accessor, 3 * MAX_TRIANGLES);
            ByteBuffer view = view(integer(accessor.get("bufferView")));
            int offset = integer(accessor.getOrDefault("byteOffset", 0.0));
            if (offset < 0 || (long) offset + (long) size * count > view.capacity()) {
                throw new IllegalArgumentException("an index accessor runs past its buffer view");
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                int at = offset + i * size;
                out[i] = switch (type) {
                    case 5121 -> view.get(at) & 0xff;
                    case 5123 -> view.getShort(at) & 0xffff;
                    case 5125 -> view.getInt(at);
                    default -> throw new IllegalArgumentException("unsupported index component type " + type);
                };
            }
            return out;
        }
    }

    /** An embedded image decoded, and its file as embedded. */
    private record Image(RgbaImage pixels, byte[] file) {
    }

    /** glTF's {@code alphaMode}; OPAQUE, its default, when absent or unknown (drawn as such rather than refused). */
    private static Surface.AlphaMode alphaMode(Object value) {
        return switch (String.valueOf(value)) {
            case "MASK" -> Surface.AlphaMode.MASK;
            case "BLEND" -> Surface.AlphaMode.BLEND;
            default -> Surface.AlphaMode.OPAQUE;
        };
    }

    /** The accessor's element count, refused past {@code max} before anything is allocated for it. */
    private static int count(Map<String, Object> accessor, int max) {
        int count = integer(accessor.get("count"));
        if (count < 0 || count > max) {
            throw new IllegalArgumentException("an accessor declares " + count + " elements; a preview reads at most " + max);
        }
        return count;
    }

    private static int componentSize(int type) {
        return switch (type) {
            case 5120, 5121 -> 1;
            case 5122, 5123 -> 2;
            case 5125, 5126 -> 4;
            default -> throw new IllegalArgumentException("unknown accessor component type " + type);
        };
    }

    private static int[] sequence(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Area-weighted vertex normals, for primitives that carry none. */
    private static float[] smoothNormals(float[] p, int[] t) {
        double[] positions = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            positions[i] = p[i];
        }
        return VertexNormals.of(positions, t);
    }

    /** The node's local transform, column-major 4x4: its matrix, or translation x rotation x scale. */
    private static double[] local(Map<String, Object> node) {
        List<Object> matrix = list(node.get("matrix"));
        if (matrix.size() == 16) {
            double[] m = new double[16];
            for (int i = 0; i < 16; i++) {
                m[i] = number(matrix.get(i));
            }
            return m;
        }
        double[] t = vector(node.get("translation"), new double[]{0, 0, 0});
        double[] q = vector(node.get("rotation"), new double[]{0, 0, 0, 1});
        double[] s = vector(node.get("scale"), new double[]{1, 1, 1});
        double x = q[0];
        double y = q[1];
        double z = q[2];
        double w = q[3];
        return new double[]{
                (1 - 2 * (y * y + z * z)) * s[0], 2 * (x * y + z * w) * s[0], 2 * (x * z - y * w) * s[0], 0,
                2 * (x * y - z * w) * s[1], (1 - 2 * (x * x + z * z)) * s[1], 2 * (y * z + x * w) * s[1], 0,
                2 * (x * z + y * w) * s[2], 2 * (y * z - x * w) * s[2], (1 - 2 * (x * x + y * y)) * s[2], 0,
                t[0], t[1], t[2], 1};
    }

    private static double[] vector(Object value, double[] fallback) {
        List<Object> list = list(value);
        if (list.size() != fallback.length) {
            return fallback;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i));
        }
        return out;
    }

    private static double[] identity() {
        return new double[]{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] out = new double[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 4; row++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += a[k * 4 + row] * b[col * 4 + k];
                }
                out[col * 4 + row] = sum;
            }
        }
        return out;
    }

    private static double determinant(double[] m) {
        return m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
    }

    /**
     * The cofactor matrix of the upper 3x3, column-major: the inverse transpose times the determinant, which carries
     * normals correctly through any scaling (the length and the determinant's sign are fixed by the caller).
     */
    private static double[] cofactors(double[] m) {
        double a = m[0];
        double b = m[4];
        double c = m[8];
        double d = m[1];
        double e = m[5];
        double f = m[9];
        double g = m[2];
        double h = m[6];
        double i = m[10];
        // rows of the cofactor matrix C (C_rc), stored column-major as out[col * 3 + row]
        double c00 = e * i - f * h;
        double c01 = -(d * i - f * g);
        double c02 = d * h - e * g;
        double c10 = -(b * i - c * h);
        double c11 = a * i - c * g;
        double c12 = -(a * h - b * g);
        double c20 = b * f - c * e;
        double c21 = -(a * f - c * d);
        double c22 = a * e - b * d;
        return new double[]{c00, c10, c20, c01, c11, c21, c02, c12, c22};
    }

    private static Object at(List<Object> list, int index) {
        if (index < 0 || index >= list.size()) {
            throw new IllegalArgumentException("a glTF reference points past its array");
        }
        return list.get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("a glTF object was expected");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("a glTF array was expected");
        }
        return (List<Object>) value;
    }

    private static double number(Object value) {
        if (!(value instanceof Double d)) {
            throw new IllegalArgumentException("a glTF number was expected");
        }
        return d;
    }

    private static int integer(Object value) {
        double d = number(value);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a glTF integer was expected");
        }
        return (int) d;
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
