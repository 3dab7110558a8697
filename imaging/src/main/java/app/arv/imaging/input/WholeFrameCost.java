package app.arv.imaging.input;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * What a decoder holds for the whole frame however much the result is subsampled, read from the file's structure
 * before decoding: subsampling bounds the output raster, but these decoders build the full frame first.
 * <ul>
 * <li>Lossy WebP (a {@code VP8 } chunk, plain or inside VP8X/ANMF): TwelveMonkeys' VP8 decoder keeps every
 *     macroblock of the frame as objects (sub-blocks with their own prediction and residue arrays) and the whole
 *     frame's pixels, then subsamples. Measured as the peak live heap of a decode at working size 1024 (full GCs
 *     every 100 ms, TwelveMonkeys 3.12): 2000x2000 26.3 bytes per pixel, 4000x3000 24.2 (a phone photo: 293 MB),
 *     7000x7000 23.6 (1.15 GB); {@code -Xmx} bisection agrees (2000x2000 decodes in 109 MB, not in 94). Charged at
 *     {@value #LOSSY_WEBP_BYTES_PER_PIXEL}, the largest measured rounded up.
 * <li>Progressive JPEG (and sequential JPEG whose first scan does not hold every component): the JDK's libjpeg keeps
 *     every DCT coefficient of the image until the last scan, 2 bytes per coefficient, 64 per 8x8 block of each
 *     component (4:2:0 colour: 3 bytes per pixel, grey: 2). Measured as peak native resident memory over the same
 *     baseline JPEG: 4000x3000 4:2:0 +37.7 MB (3.1 bytes per pixel), grey +26.3 MB (2.2), 7000x7000 4:2:0 +149 MB (3.0).
 * </ul>
 * Anything else decodes streaming (PNG, lossless WebP, baseline JPEG) and costs nothing here. A file whose structure
 * cannot be followed costs nothing here either: the decoder then refuses it as corrupt.
 */
final class WholeFrameCost {

    static final int LOSSY_WEBP_BYTES_PER_PIXEL = 28;
    private static final int COEFFICIENT_BLOCK_BYTES = 64 * 2;

    private WholeFrameCost() {
    }

    /** Bytes beyond the subsampled raster; reads from the stream's current position and leaves it anywhere. */
    static long of(String type, ImageInputStream in) throws IOException {
        ByteOrder order = in.getByteOrder();
        try {
            return switch (type) {
                case "image/webp" -> lossyWebp(in);
                case "image/jpeg" -> jpegCoefficients(in);
                default -> 0;
            };
        } catch (EOFException e) {
            return 0;
        } finally {
            in.setByteOrder(order);
        }
    }

    private static long lossyWebp(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        in.skipBytes(12); // RIFF, size, WEBP
        byte[] fourCc = new byte[4];
        while (true) {
            in.readFully(fourCc);
            long size = in.readUnsignedInt();
            long payload = in.getStreamPosition();
            switch (new String(fourCc, StandardCharsets.US_ASCII)) {
                case "VP8 " -> {
                    in.skipBytes(6); // frame tag, start code
                    long width = in.readUnsignedShort() & 0x3FFF;
                    long height = in.readUnsignedShort() & 0x3FFF;
                    return width * height * LOSSY_WEBP_BYTES_PER_PIXEL;
                }
                case "VP8L" -> {
                    return 0;
                }
                // an animation frame: 16 bytes of placement, then its own image chunks
                case "ANMF" -> in.seek(payload + 16);
                default -> in.seek(payload + size + (size & 1));
            }
        }
    }

    private static long jpegCoefficients(ImageInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return 0;
        }
        boolean progressive = false;
        int width = 0;
        int height = 0;
        int[] horizontal = null;
        int[] vertical = null;
        while (true) {
            if (in.read() != 0xFF) {
                return 0;
            }
            int marker = in.read();
            while (marker == 0xFF) {
                marker = in.read();
            }
            if (marker < 0 || marker == 0xD9) {
                return 0;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return 0;
            }
            long next = in.getStreamPosition() + length - 2;
            if (isStartOfFrame(marker)) {
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
                in.read(); // sample precision
                height = in.readUnsignedShort();
                width = in.readUnsignedShort();
                int components = in.read();
                horizontal = new int[components];
                vertical = new int[components];
                for (int c = 0; c < components; c++) {
                    in.read(); // component id
                    int sampling = in.read();
                    horizontal[c] = sampling >> 4;
                    vertical[c] = sampling & 0x0F;
                    in.read(); // quantisation table
                }
            } else if (marker == 0xDA) {
                boolean wholeImage = horizontal != null && (progressive || in.read() < horizontal.length);
                return wholeImage ? coefficientBytes(width, height, horizontal, vertical) : 0;
            }
            in.seek(next);
        }
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** libjpeg's whole-image coefficient arrays: per component, its blocks rounded up to whole sampling units. */
    private static long coefficientBytes(int width, int height, int[] horizontal, int[] vertical) {
        int maxH = 0;
        int maxV = 0;
        for (int c = 0; c < horizontal.length; c++) {
            if (horizontal[c] == 0 || vertical[c] == 0) {
                return 0;
            }
            maxH = Math.max(maxH, horizontal[c]);
            maxV = Math.max(maxV, vertical[c]);
        }
        long bytes = 0;
        for (int c = 0; c < horizontal.length; c++) {
            long columns = roundUp(ceilDiv((long) width * horizontal[c], 8L * maxH), horizontal[c]);
            long rows = roundUp(ceilDiv((long) height * vertical[c], 8L * maxV), vertical[c]);
            bytes += columns * rows * COEFFICIENT_BLOCK_BYTES;
        }
        return bytes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long roundUp(long a, long unit) {
        return ceilDiv(a, unit) * unit;
    }
}
