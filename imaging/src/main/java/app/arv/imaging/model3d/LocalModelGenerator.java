package app.arv.imaging.model3d;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.gltf.GlbWriter;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.mesh.ImageFrame;
import app.arv.imaging.mesh.InflatedSilhouette;
import app.arv.imaging.mesh.MeshTopology;
import app.arv.imaging.mesh.QuadricSimplifier;
import app.arv.imaging.mesh.SilhouetteInflater;
import app.arv.imaging.mesh.TriangleMesh;
import app.arv.imaging.mesh.VertexNormals;
import app.arv.imaging.raster.RgbaImage;
import app.arv.imaging.render.ModelPreview;
import app.arv.imaging.render.Scene;
import app.arv.imaging.segment.ObjectMask;
import app.arv.imaging.segment.ObjectSegmenter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The built-in, offline image-to-3D generator ("local" provider): one photo in, one closed textured GLB out.
 *
 * <p>Pipeline: decode (EXIF-oriented, alpha kept) → working copy with long side {@value #WORKING_SIDE} px →
 * segment the object (alpha, or a border background model) → inflate the silhouette into a closed surface →
 * quadric-error simplification to the face limit → normals, texture coordinates projected from the photo →
 * GLB with the photo cropped to the object as texture (front primitive) and the same texture darkened on the
 * back primitive, both sharing the rim vertices → a rendered picture of that model as its preview
 * ({@link ModelPreview}: three-quarter view, lit, on light grey).
 *
 * <p>Thread-safe and stateless; deterministic (same bytes and options, same GLB and preview); single-threaded,
 * so the caller's executor decides the parallelism. Memory is bounded by the decode: a photo is subsampled while
 * decoding to at most twice the texture source size ({@value #MAX_SOURCE_SIDE} px long side for hd).
 */
public final class LocalModelGenerator {

    /** Resolution the outline is found at: finer adds cost, not shape, for a 200 000-face mesh. */
    static final int WORKING_SIDE = 768;
    static final int MAX_SOURCE_SIDE = 4096;
    /** Bigger uploads are refused before decoding (a 48-megapixel phone JPEG is ~15-25 MB). */
    public static final int MAX_INPUT_BYTES = 40 * 1024 * 1024;
    /** The back is the same photo seen through the object, darkened so front and back read apart. */
    private static final float BACK_SHADE = 0.55f;

    private final ObjectSegmenter segmenter = new ObjectSegmenter();
    private final SilhouetteInflater inflater = new SilhouetteInflater();
    private final GlbWriter writer = new GlbWriter();
    private final ModelPreview preview = new ModelPreview();
    private final ImageDecoder decoder;

    public LocalModelGenerator() {
        this(new ImageDecoder());
    }

    /** @param decoder the application's decoding path (its pixel limit and bound on concurrent decodes) */
    public LocalModelGenerator(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    public GeneratedModel generate(InputStream image, GenerationOptions options) throws RefusedImageException, IOException {
        byte[] bytes = image.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new RefusedImageException("image file larger than " + MAX_INPUT_BYTES / (1024 * 1024) + " MB");
        }
        return generate(bytes, options);
    }

    public GeneratedModel generate(byte[] image, GenerationOptions options) throws RefusedImageException {
        long start = System.nanoTime();
        int sourceSide = Math.min(MAX_SOURCE_SIDE, Math.max(WORKING_SIDE, 2 * options.texture().maxSide()));
        RgbaImage source = new RgbaImageLoader(sourceSide, decoder).load(image);
        RgbaImage working = source.downscaledTo(WORKING_SIDE);
        ObjectSegmenter.Segmentation segmentation = segmenter.segment(working);
        ObjectMask mask = segmentation.mask();
        long segmented = System.nanoTime();
        // the texture first: then the full-size photo is garbage before the mesh work needs the memory
        PhotoTexture texture = options.texture() == TextureQuality.NONE
                ? null
                : PhotoTexture.of(source, working, mask, options.texture().maxSide());
        source = null;
        long textured = System.nanoTime();

        InflatedSilhouette inflated = inflater.inflate(mask, targetCells(options.faceLimit()));
        long meshed = System.nanoTime();
        // a simplifier holds its working state: one per call keeps the generator safe to share between threads
        TriangleMesh mesh = new QuadricSimplifier().simplify(inflated.mesh(), options.faceLimit());
        MeshTopology topology = MeshTopology.of(mesh);
        long simplified = System.nanoTime();

        GlbWriter.Model model = model(mesh, inflated.frame(), texture, PhotoTexture.meanColour(working, mask));
        byte[] glb = writer.write(model);
        byte[] preview = this.preview.png(Scene.of(model));
        long end = System.nanoTime();

        GenerationStats stats = new GenerationStats(mesh.vertexCount(), mesh.faceCount(), topology.watertight(),
                topology.eulerCharacteristic(), texture == null ? 0 : texture.width(), texture == null ? 0 : texture.height(),
                segmentation.method().name().toLowerCase(Locale.ROOT), millis(start, segmented), millis(textured, meshed),
                millis(meshed, simplified), millis(segmented, textured) + millis(simplified, end), millis(start, end));
        return new GeneratedModel(glb, preview, stats);
    }

    /**
     * Grid cells to inflate: each cell makes about 8 faces, so this starts from 4x the face limit for small
     * limits (simplification then has detail to choose from) and caps the unsimplified mesh near 480 000 faces.
     */
    static int targetCells(int faceLimit) {
        return Math.max(15_000, Math.min(60_000, faceLimit / 2));
    }

    private static GlbWriter.Model model(TriangleMesh mesh, ImageFrame frame, PhotoTexture texture, int meanRgb) {
        int n = mesh.vertexCount();
        double[] p = mesh.positions();
        float[] positions = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            positions[i] = (float) p[i];
        }
        float[] uvs = null;
        if (texture != null) {
            uvs = new float[2 * n];
            for (int v = 0; v < n; v++) {
                uvs[2 * v] = (float) texture.u(frame.imageX(p[3 * v]));
                uvs[2 * v + 1] = (float) texture.v(frame.imageY(p[3 * v + 1]));
            }
        }
        int backFaces = 0;
        for (boolean b : mesh.back()) {
            backFaces += b ? 1 : 0;
        }
        int[] front = new int[3 * (mesh.faceCount() - backFaces)];
        int[] back = new int[3 * backFaces];
        int fi = 0;
        int bi = 0;
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            if (mesh.back()[f]) {
                System.arraycopy(t, 3 * f, back, bi, 3);
                bi += 3;
            } else {
                System.arraycopy(t, 3 * f, front, fi, 3);
                fi += 3;
            }
        }
        float[] frontColour;
        if (texture != null) {
            frontColour = new float[]{1, 1, 1, 1};
        } else {
            frontColour = new float[]{linear((meanRgb >> 16) & 0xff), linear((meanRgb >> 8) & 0xff), linear(meanRgb & 0xff), 1};
        }
        float[] backColour = {frontColour[0] * BACK_SHADE, frontColour[1] * BACK_SHADE, frontColour[2] * BACK_SHADE, 1};
        return new GlbWriter.Model("arv-local-model", positions, VertexNormals.of(mesh), uvs, front, back,
                texture == null ? null : texture.image(), frontColour, backColour);
    }

    /** glTF colour factors are linear; the photo's mean is sRGB. */
    private static float linear(int srgb) {
        double c = srgb / 255.0;
        // StrictMath: the same bits on every JVM and CPU, so the GLB stays byte-for-byte reproducible
        return (float) (c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
