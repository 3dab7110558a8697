package app.arv.imaging.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** WebP files assembled from chunks: RIFF header, then each chunk as FourCC, little-endian length, payload, pad. */
final class WebpFiles {

    private WebpFiles() {
    }

    /** The image chunk (VP8 or VP8L, header and payload) of a simple WebP file. */
    static byte[] imageChunk(byte[] simpleWebp) {
        return Arrays.copyOfRange(simpleWebp, 12, simpleWebp.length);
    }

    static byte[] chunk(String fourCc, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).array());
        out.writeBytes(payload);
        if ((payload.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The extended-format header: flags (0x10 alpha, 0x08 EXIF) and the canvas size. */
    static byte[] vp8x(int flags, int width, int height) {
        byte[] payload = new byte[10];
        payload[0] = (byte) flags;
        put24(payload, 4, width - 1);
        put24(payload, 7, height - 1);
        return chunk("VP8X", payload);
    }

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void put24(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >> 8);
        b[at + 2] = (byte) (value >> 16);
    }
}
