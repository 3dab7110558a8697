package app.arv.web.it;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Huge PNGs that are small on disk, written row by row so the test never holds the decoded image:
 * 16-bit RGBA, a checkerboard of 64-pixel squares with a gradient (texture for the marker analysis),
 * each row periodic so it deflates to almost nothing. 7000x7000 is ~390 MB decoded, under 1 MB as a file.
 */
final class LargePng {

    private static final int SQUARE = 64;

    private LargePng() {
    }

    static byte[] rgba16(int width, int height) {
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(16); // bit depth
            h.writeByte(6); // RGBA
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            chunk(file, "IHDR", header.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (OutputStream deflated = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
                byte[][] rows = {row(width, 0), row(width, 1)};
                for (int y = 0; y < height; y++) {
                    deflated.write(rows[(y / SQUARE) % 2]);
                }
            }
            chunk(file, "IDAT", idat.toByteArray());
            chunk(file, "IEND", new byte[0]);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] row(int width, int phase) {
        byte[] row = new byte[1 + width * 8];
        for (int x = 0; x < width; x++) {
            boolean dark = ((x / SQUARE) + phase) % 2 == 0;
            int value = dark ? 0x2000 + (x % SQUARE) * 64 : 0xE000 - (x % SQUARE) * 64;
            int at = 1 + x * 8;
            for (int c = 0; c < 3; c++) {
                row[at + 2 * c] = (byte) (value >> 8);
                row[at + 2 * c + 1] = (byte) value;
            }
            row[at + 6] = (byte) 0xFF;
            row[at + 7] = (byte) 0xFF;
        }
        return row;
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
