package app.arv.imaging.usdz;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ExifOrientation;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.input.ImageHeader;
import app.arv.imaging.input.MediaSniffer;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.Scene;
import app.arv.imaging.render.Surface;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A GLB as a USDZ for AR Quick Look (openusd.org's USDZ rules, written the way three.js's USDZExporter writes them):
 * a STORED zip whose first entry, {@value #LAYER}, is the USDA layer — one {@code Mesh} per surface of the
 * {@link Scene} (the node transforms already flattened by {@link GlbScene}) with its points, triangles, vertex
 * normals and {@code primvars:st} (u, 1 - v: glTF's v runs down the image, USD's up), bound to a UsdPreviewSurface
 * with the base colour factor, or a UsdUVTexture of the surface's texture scaled by it, and glTF's alpha (below) — then
 * each texture as {@code textures/textureN.jpg} or {@code .png}: the GLB's own file, byte for byte, when it is a JPEG
 * or a PNG (sniffed from its bytes, whatever the GLB declares), which a USDZ may hold as they are, and is the very pixels
 * {@link GlbScene} decodes for the preview; otherwise the decoded pixels re-encoded (a JPEG as a JPEG of quality
 * {@value #JPEG_QUALITY}, anything else as PNG, with its alpha channel when some pixel is not opaque): another format
 * (WebP), a file with an EXIF orientation (a phone's portrait photo: its pixels stored sideways, the tag saying how to
 * turn them, which the decode applies and a USDZ's texture reader need not; re-encoded, the texture is stored upright
 * without the tag), and one over {@code GlbScene}'s 2048 px on a side, which the decode shrinks to that: Apple's
 * rule for AR Quick Look is one set of textures of at most 2048 x 2048 (WWDC 2018 "Integrating Apps and Content with AR
 * Quick Look", confirmed as still the recommendation on Apple's developer forums, thread 693867), above which older
 * devices may not load the model. glTF's {@code alphaMode}: OPAQUE is
 * {@code opacity = 1}; BLEND is the factor's alpha times the texture's ({@code inputs:opacity} connected to the
 * texture's {@code outputs:a}, the factor's alpha in its {@code scale}, when the texture has an alpha channel; the
 * factor's alpha alone otherwise); MASK is the same opacity cut at {@code inputs:opacityThreshold = alphaCutoff} (a
 * cutoff of 0 or less cuts nothing: opaque). Every entry's data starts on a 64-byte boundary (padding in the local
 * header's extra field). {@code metersPerUnit = 1}, {@code upAxis = "Y"}: glTF's units and axes. Thread-safe; the
 * same GLB gives the same bytes. Memory in proportion to what is written, not to the scene: the USDA text is spooled
 * to a temporary file in small chunks, in the directory the caller names (a STORED entry's header needs its CRC and
 * size before its data; AR Quick Look does not reliably read data descriptors), and the zip is streamed to the
 * caller's stream.
 */
public final class UsdzWriter {

    public static final String MEDIA_TYPE = "model/vnd.usdz+zip";
    /** The format of what is written: part of a USDZ's ETag, so a changed writer is not answered 304 with its old output. */
    public static final int VERSION = 4;
    static final String LAYER = "model.usda";
    /** A re-encoded JPEG texture's quality: that of the local generator's own textures. */
    static final float JPEG_QUALITY = 0.9f;
    /** Above the generator's largest model; AR Quick Look shows far fewer. The USDA text takes some 100 bytes a vertex (spooled to a file). */
    static final int MAX_TRIANGLES = 500_000;
    /** The USDA text held in memory before it is spooled. */
    private static final int CHUNK = 1 << 16;
    private static final int ALIGNMENT = 64;
    private static final int PADDING_FIELD = 0x1986;
    /**
     * Every entry's time: the same model, the same bytes. Not 1980-01-01 00:00, which {@link ZipEntry} takes for its
     * marker of a time before 1980 and adds an extended timestamp field for, moving the data off its boundary.
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final GlbScene reader;
    private final ImageDecoder decoder;
    private final Path temporaryFiles;

    /** As {@link #UsdzWriter(ImageDecoder, Path)}, its temporary file in the JVM's temporary directory. */
    public UsdzWriter(ImageDecoder decoder) {
        this(decoder, null);
    }

    /**
     * @param decoder        decodes the GLB's embedded textures (the application's, so its pixel limit and gate hold)
     * @param temporaryFiles where the USDA text is spooled (the application's spool, not a small tmpfs); null: the JVM's
     *                       temporary directory
     */
    public UsdzWriter(ImageDecoder decoder, Path temporaryFiles) {
        this.reader = new GlbScene(decoder);
        this.decoder = decoder;
        this.temporaryFiles = temporaryFiles;
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
        Map<RgbaImage, Texture> textures = new IdentityHashMap<>();
        for (Surface surface : scene.surfaces()) {
            if (surface.texture() != null && scene.uvs() != null && !textures.containsKey(surface.texture())) {
                textures.put(surface.texture(), Texture.of(surface, textures.size(), decoder));
            }
        }
        Zip zip = new Zip(out);
        Path layer = temporaryFiles == null
                ? Files.createTempFile("arv-usda-", ".usda")
                : Files.createTempFile(temporaryFiles, "arv-usda-", ".usda");
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
        for (Texture texture : textures.values().stream().sorted(Comparator.comparingInt(Texture::number)).toList()) {
            byte[] file = texture.file();
            CRC32 crc = new CRC32();
            crc.update(file);
            zip.add(texture.name(), crc.getValue(), file.length, new ByteArrayInputStream(file));
        }
        zip.finish();
    }

    /**
     * A texture as the USDZ holds it: {@code textures/texture<number>} with its format's extension.
     *
     * @param passed the GLB's own JPEG or PNG, or null when the image is re-encoded from {@code pixels} (a JPEG as a JPEG,
     *     named {@code .jpg}; anything else as PNG)
     * @param alpha  whether the file has an alpha channel (a PNG of colour type 4 or 6, or with a {@code tRNS} chunk)
     */
    private record Texture(int number, String name, byte[] passed, RgbaImage pixels, boolean alpha) {

        static Texture of(Surface surface, int number, ImageDecoder decoder) {
            byte[] file = surface.textureFile();
            RgbaImage pixels = surface.texture();
            String type = file == null ? null : MediaSniffer.sniff(file, Math.min(file.length, MediaSniffer.HEAD_BYTES)).orElse(null);
            String name = "textures/texture" + number;
            boolean asDecoded = file != null && isDecodedAsStored(file, pixels, decoder);
            if ("image/jpeg".equals(type)) {
                return new Texture(number, name + ".jpg", asDecoded ? file : null, pixels, false);
            }
            if ("image/png".equals(type) && asDecoded) {
                return new Texture(number, name + ".png", file, null, pngHasAlpha(file));
            }
            return new Texture(number, name + ".png", null, pixels, Arrays.stream(pixels.argb()).anyMatch(p -> p >>> 24 != 0xff));
        }

        /**
         * Whether the file's pixels are the decoded ones as they are stored: no EXIF orientation turned them, and the
         * decode did not shrink them (a file over {@code GlbScene}'s bound).
         */
        private static boolean isDecodedAsStored(byte[] file, RgbaImage pixels, ImageDecoder decoder) {
            if (ExifOrientation.of(file) != ExifOrientation.NORMAL) {
                return false;
            }
            try {
                ImageHeader header = decoder.header(file);
                return header.width() == pixels.width() && header.height() == pixels.height();
            } catch (RefusedImageException e) {
                return false;
            }
        }

        /** The entry's bytes: the GLB's file, or the pixels encoded now (one at a time, as they are written). */
        byte[] file() {
            if (passed != null) {
                return passed;
            }
            if (name.endsWith(".jpg")) {
                return pixels.opaqueJpeg(JPEG_QUALITY);
            }
            return alpha ? pixels.png() : pixels.opaquePng();
        }

        /** A PNG's alpha channel: colour type grey + alpha or RGBA, or a transparency chunk before the image data. */
        private static boolean pngHasAlpha(byte[] png) {
            ByteBuffer file = ByteBuffer.wrap(png);
            if (png.length < 26) {
                return false;
            }
            int colourType = png[25] & 0xff;
            if (colourType == 4 || colourType == 6) {
                return true;
            }
            for (long at = 8; at + 8 <= png.length;) {
                long length = file.getInt((int) at) & 0xffffffffL;
                int type = file.getInt((int) at + 4);
                if (type == 0x74524E53) { // tRNS
                    return true;
                }
                if (type == 0x49444154) { // IDAT: tRNS comes before it
                    return false;
                }
                at += 12 + length;
            }
            return false;
        }
    }

    /** Writes the text held so far when it reaches {@value #CHUNK} characters (or always, at the end). */
    private static void spill(StringBuilder out, OutputStream sink, boolean always) throws IOException {
        if (always || out.length() >= CHUNK) {
            sink.write(out.toString().getBytes(StandardCharsets.US_ASCII));
            out.setLength(0);
        }
    }

    private static void usda(Scene scene, Map<RgbaImage, Texture> textures, OutputStream sink) throws IOException {
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

    private static void material(StringBuilder out, int index, Surface surface, Texture texture) {
        String path = "/Root/Materials/Material" + index;
        float[] c = surface.baseColour();
        String rgb = "(" + number(c[0]) + ", " + number(c[1]) + ", " + number(c[2]) + ")";
        Surface.AlphaMode mode = surface.alphaMode() == Surface.AlphaMode.MASK && !(surface.alphaCutoff() > 0)
                ? Surface.AlphaMode.OPAQUE // glTF draws every alpha at or above a cutoff of 0: nothing is cut
                : surface.alphaMode();
        boolean textureAlpha = texture != null && texture.alpha() && mode != Surface.AlphaMode.OPAQUE;
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
        if (textureAlpha) {
            out.append("                float inputs:opacity.connect = <").append(path).append("/Texture.outputs:a>\n");
        } else {
            out.append("                float inputs:opacity = ").append(mode == Surface.AlphaMode.OPAQUE ? "1" : number(surface.alpha()))
                    .append('\n');
        }
        if (mode == Surface.AlphaMode.MASK) {
            out.append("                float inputs:opacityThreshold = ").append(number(surface.alphaCutoff())).append('\n');
        }
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
            out.append("                asset inputs:file = @").append(texture.name()).append("@\n");
            out.append("                float4 inputs:scale = ").append(rgb, 0, rgb.length() - 1).append(", ")
                    .append(textureAlpha ? number(surface.alpha()) : "1").append(")\n");
            out.append("                float2 inputs:st.connect = <").append(path).append("/PrimvarReader.outputs:result>\n");
            out.append("                token inputs:sourceColorSpace = \"sRGB\"\n");
            out.append("                token inputs:wrapS = \"repeat\"\n");
            out.append("                token inputs:wrapT = \"repeat\"\n");
            if (textureAlpha) {
                out.append("                float outputs:a\n");
            }
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

    /**
     * A zip of STORED entries streamed out ({@link ZipOutputStream}: each entry's CRC and size are known before its data,
     * so no data descriptor), each entry's data starting at a multiple of {@value #ALIGNMENT} bytes: the padding is an
     * extra field of the local header, sized by what has been written so far.
     */
    private static final class Zip {
        private final Counting counted;
        private final ZipOutputStream zip;

        Zip(OutputStream data) {
            this.counted = new Counting(data);
            this.zip = new ZipOutputStream(counted, StandardCharsets.US_ASCII);
        }

        void add(String name, long crc, long size, InputStream content) throws RefusedModelException, IOException {
            long offset = counted.written;
            if (offset + size > Integer.MAX_VALUE - 1024L) {
                throw new RefusedModelException("The model is too large for a USDZ");
            }
            int padding = (int) ((ALIGNMENT - (offset + 30 + name.length()) % ALIGNMENT) % ALIGNMENT);
            if (padding > 0 && padding < 4) {
                padding += ALIGNMENT; // an extra field needs its 4-byte header
            }
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc);
            entry.setTimeLocal(ENTRY_TIME);
            if (padding > 0) {
                entry.setExtra(ByteBuffer.allocate(padding).order(ByteOrder.LITTLE_ENDIAN).putShort((short) PADDING_FIELD)
                        .putShort((short) (padding - 4)).array());
            }
            zip.putNextEntry(entry);
            content.transferTo(zip);
            zip.closeEntry(); // refuses an entry that changed while it was written (its size or CRC)
        }

        void finish() throws IOException {
            zip.finish();
            counted.flush();
        }
    }

    /** The bytes written through it, counted: where the next entry's header starts. */
    private static final class Counting extends FilterOutputStream {
        private long written;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }
    }
}
