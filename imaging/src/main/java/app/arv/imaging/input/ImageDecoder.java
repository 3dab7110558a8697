package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * The one way ARV turns image files into pixels (uploads, marker analysis and compilation, generation input):
 * <ol>
 * <li>the type is sniffed from the bytes and decides the decoder (a name or declared type is never asked);
 * <li>the size is read from the header and checked against the pixel limit before anything is decoded;
 * <li>the pixels are decoded subsampled (every n-th row and column, which the decoders do while streaming) to
 *     between one and two times the working size the caller reduces to, and never to more than
 *     {@link #maxDecodedBytes()} of raster — so memory follows the working size, not the file; subsampled further
 *     when the raster plus what the decoder holds for the whole frame would exceed the gate's capacity;
 * <li>the decode runs only once the {@link DecodeGate} admits it at its estimated cost: the subsampled raster plus
 *     what the decoder holds for the whole frame whatever the subsampling ({@link WholeFrameCost}: lossy WebP,
 *     progressive JPEG); an image whose cost exceeds all the gate can ever admit even at the coarsest step is refused
 *     as too large.
 * </ol>
 * An image whose long side is at most twice the working size is decoded at full resolution, so the compiler's
 * working image (and thus its .mind output) is exactly what a full decode gives. A decoder's warning of damage (a
 * truncated JPEG is painted grey and merely warned about) refuses the file as corrupt, one about colour profiles or
 * metadata it ignored (a CMYK JPEG without a profile) is logged and the image accepted; a lack of memory is never
 * reported as a corrupt file but rethrown as the {@link OutOfMemoryError} it is.
 */
public final class ImageDecoder {

    /** Without a configured limit (tools): well above any camera, far below a decompression bomb. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** A decoded raster plus its conversion never takes more than this (16-bit RGBA 2048x2048 ≈ 48 MB). */
    public static final long DEFAULT_MAX_DECODED_BYTES = 128L << 20;
    /** What the type is sniffed from (EXIF orientation is found by walking the file's segments, wherever it sits). */
    private static final int HEAD_BYTES = MediaSniffer.HEAD_BYTES;
    /** The grey or ARGB copy a caller makes of the decoded raster, per pixel. */
    private static final int CONVERSION_BYTES_PER_PIXEL = 4;

    static {
        // Streams come from files or arrays; ImageIO's own disk cache would only add copies.
        ImageIO.setUseCache(false);
        // Registers the TwelveMonkeys readers (WebP, the more tolerant JPEG) on the class path.
        ImageIO.scanForPlugins();
    }

    private static final Logger LOG = System.getLogger(ImageDecoder.class.getName());
    /** TwelveMonkeys' WebP reader skips an uncompressed alpha plane and says so. */
    private static final String UNDECODED_WEBP_ALPHA = "Uncompressed WebP alpha not implemented";

    private final long maxPixels;
    private final long maxDecodedBytes;
    private final DecodeGate gate;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODED_BYTES, DecodeGate.UNBOUNDED);
    }

    public ImageDecoder(long maxPixels, long maxDecodedBytes, DecodeGate gate) {
        if (maxPixels <= 0 || maxDecodedBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxPixels = maxPixels;
        this.maxDecodedBytes = maxDecodedBytes;
        this.gate = gate;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public long maxDecodedBytes() {
        return maxDecodedBytes;
    }

    /** Type and size from the header alone (no pixel is decoded, no limit applied). */
    public ImageHeader header(byte[] file) throws RefusedImageException {
        return withReader(file, null, file, (reader, header, frameBytes, orientation) -> header);
    }

    public ImageHeader header(Path file) throws RefusedImageException, IOException {
        return withReader(null, file, head(file), (reader, header, frameBytes, orientation) -> header);
    }

    /**
     * @param workingSide the long side the caller will reduce the image to; the result's long side lies between
     *                    it and twice it (or is the original's, when that is smaller), memory permitting
     * @throws ImageTooLargeException    when the header declares more than the pixel limit
     * @throws UnsupportedImageException when the bytes are no decodable image
     * @throws CorruptImageException     when the decoder finds the file damaged
     */
    public DecodedImage decode(byte[] file, int workingSide) throws RefusedImageException {
        return decode(file, workingSide, decoded -> decoded);
    }

    public DecodedImage decode(Path file, int workingSide) throws RefusedImageException, IOException {
        return withReader(null, file, head(file),
                (reader, header, frameBytes, orientation) -> decode(reader, header, frameBytes, workingSide, orientation,
                        decoded -> decoded));
    }

    /**
     * Decodes as {@link #decode(byte[], int)} and hands the image to {@code use} while the gate's admission is still
     * held: the copies a caller makes of the pixels (turned upright, scaled, encoded) count against the same bound as
     * the decode, and the raster is not left on the heap outside it.
     */
    public <T> T decode(byte[] file, int workingSide, Function<DecodedImage, T> use) throws RefusedImageException {
        return withReader(file, null, file,
                (reader, header, frameBytes, orientation) -> decode(reader, header, frameBytes, workingSide, orientation, use));
    }

    /** Every n-th row and column: the smallest n that brings the long side to at most twice the working size and the raster within the memory bound. */
    int step(ImageHeader header, int workingSide) {
        if (workingSide <= 0) {
            throw new IllegalArgumentException("working size must be positive");
        }
        int step = Math.max(1, ceilDiv(header.longestSide(), 2L * workingSide));
        while (step < header.longestSide() && decodedBytes(header, step) > maxDecodedBytes) {
            step++;
        }
        return step;
    }

    // "try": the admission is held for the length of the decode and of the caller's use of it, never used inside it.
    @SuppressWarnings("try")
    private <T> T decode(ImageReader reader, ImageHeader header, long frameBytes, int workingSide, int orientation,
            Function<DecodedImage, T> use) throws RefusedImageException {
        if (header.pixels() > maxPixels) {
            throw new ImageTooLargeException(header.width(), header.height(), maxPixels);
        }
        int step = step(header, workingSide);
        // A decoder holding the whole frame leaves less for the raster: trade resolution for it (a print kit asks
        // more pixels than the upload checked) rather than refuse an image that fits at a coarser step.
        while (step < header.longestSide() && decodedBytes(header, step) + frameBytes > gate.capacity()) {
            step++;
        }
        long cost = decodedBytes(header, step) + frameBytes;
        if (cost > gate.capacity()) {
            // the cost grows with the pixels: name the limit for images of this kind
            long fitting = (long) (header.pixels() * ((double) gate.capacity() / cost));
            throw new ImageTooLargeException(header.width(), header.height(), Math.min(maxPixels, fitting));
        }
        // Outside the error mapping below: the gate's refusal (busy) is passed on as it is.
        try (DecodeGate.Admission admitted = gate.admit(header, cost)) {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw corrupt(header.mediaType(), e);
            }
            String damage = null;
            for (String warning : warnings) {
                if (warning.contains(UNDECODED_WEBP_ALPHA)) {
                    // the reader leaves the alpha out: the picture would not be the one uploaded
                    throw new UnsupportedImageException("WebP images with uncompressed transparency cannot be read here;"
                            + " save the image as PNG or as a WebP with compressed transparency", header.mediaType());
                }
                if (isColourOrMetadataWarning(warning)) {
                    LOG.log(Level.INFO, "decoded " + formatName(header.mediaType()) + " despite: " + warning);
                } else if (damage == null) {
                    damage = warning;
                }
            }
            if (image == null || damage != null) {
                throw new CorruptImageException("corrupt or truncated " + formatName(header.mediaType()) + " image"
                        + (damage == null ? "" : ": " + damage), null);
            }
            return use.apply(new DecodedImage(header, image, step, orientation));
        }
    }

    /**
     * Warnings about colour profiles and metadata the reader ignored (a CMYK JPEG without a profile, a perceptual
     * or damaged ICC profile, an unusable Adobe marker, a thumbnail, an unknown WebP chunk): the pixels are all
     * there, at worst in less exact colours. Every other warning (premature end, corrupt data) means damage.
     */
    static boolean isColourOrMetadataWarning(String warning) {
        return warning.contains("ICC") || warning.contains("App14") || warning.contains("thumbnail")
                || warning.startsWith("Ignoring unexpected chunk") || warning.startsWith("Ignoring unsupported chunk");
    }

    private interface ReaderWork<T> {
        /**
         * @param frameBytes  what the decoder holds for the whole frame beyond the subsampled raster
         * @param orientation the file's EXIF orientation (1..8)
         */
        T apply(ImageReader reader, ImageHeader header, long frameBytes, int orientation) throws RefusedImageException;
    }

    /** One of {@code bytes} and {@code path} is the file; {@code head} is its start (or all of it). */
    private static <T> T withReader(byte[] bytes, Path path, byte[] head, ReaderWork<T> work) throws RefusedImageException {
        String type = MediaSniffer.sniff(head, Math.min(head.length, MediaSniffer.HEAD_BYTES)).orElse(null);
        if (type == null || !type.startsWith("image/")) {
            throw new UnsupportedImageException("not a readable image (expected JPEG, PNG or WebP)", type);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new UnsupportedImageException(type + " images cannot be decoded here", type);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = bytes != null
                ? ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))
                : ImageIO.createImageInputStream(path.toFile())) {
            ImageHeader header;
            long frameBytes;
            int orientation;
            try {
                if (type.equals("image/webp")) {
                    byte[] exif = WebpChunks.check(in, bytes != null ? bytes.length : Files.size(path));
                    orientation = exif == null ? ExifOrientation.NORMAL : ExifOrientation.ofWebpExif(exif);
                } else {
                    // Walked, not read from a prefix: a large ICC profile or XMP packet may come before the EXIF.
                    orientation = ExifOrientation.of(type, in);
                    in.seek(0);
                }
                frameBytes = WholeFrameCost.of(type, in);
                in.seek(0);
                reader.setInput(in, true, true);
                header = new ImageHeader(type, reader.getWidth(0), reader.getHeight(0), bitsPerPixel(reader));
            } catch (IOException | RuntimeException e) {
                throw corrupt(type, e);
            }
            if (header.width() <= 0 || header.height() <= 0) {
                throw new CorruptImageException("corrupt " + formatName(type) + " image: it declares "
                        + header.width() + "x" + header.height() + " pixels", null);
            }
            return work.apply(reader, header, frameBytes, orientation);
        } catch (IOException e) {
            throw corrupt(type, e);
        } finally {
            reader.dispose();
        }
    }

    private static long decodedBytes(ImageHeader header, int step) {
        long width = ceilDiv(header.width(), step);
        long height = ceilDiv(header.height(), step);
        return width * height * ((header.bitsPerPixel() + 7) / 8 + CONVERSION_BYTES_PER_PIXEL);
    }

    /** Bits of a decoded pixel as the reader delivers it (16-bit RGBA PNG: 64); 32 when the reader does not say. */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        return type == null ? 32 : Math.max(1, type.getColorModel().getPixelSize());
    }

    /**
     * Decoders wrap whatever failed; an OutOfMemoryError somewhere in the chain is memory pressure, not damage,
     * and leaves as the error it is.
     */
    private static CorruptImageException corrupt(String type, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
        return new CorruptImageException("corrupt or truncated " + formatName(type) + " image: " + failure.getMessage(), failure);
    }

    private static String formatName(String type) {
        return switch (type) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "image/webp" -> "WebP";
            case "image/gif" -> "GIF";
            default -> "image";
        };
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }
}
