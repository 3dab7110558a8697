package app.arv.imaging.input;

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
 * PNGs written row by row (never a decoded raster in the test): big 16-bit ones, and ones that only
 * declare a size. Shared with the web module's tests (test-jar): a 7000x7000 one is ~390 MB decoded
 * and under a megabyte on disk, the file an attacker sends to exhaust memory.
 */
public final class StreamedPng {

    private StreamedPng() {
    }

    /**
     * 16-bit RGBA, a 64-px checkerboard with a gradient in each square (texture a marker analysis can
     * find): a row is periodic, so even 7000x7000 deflates to well under a megabyte.
     */
    public static byte[] rgba16(int width, int height) {
        byte[][] rows = new byte[2][1 + width * 8];
        for (int phase = 0; phase < 2; phase++) {
            for (int x = 0; x < width; x++) {
                int value = ((x / 64) + phase) % 2 == 0 ? 0x2000 + (x % 64) * 64 : 0xE000 - (x % 64) * 64;
                for (int c = 0; c < 4; c++) {
                    int v = c == 3 ? 0xFFFF : value;
                    rows[phase][1 + x * 8 + 2 * c] = (byte) (v >> 8);
                    rows[phase][1 + x * 8 + 2 * c + 1] = (byte) v;
                }
            }
        }
        return png(width, height, 16, 6, y -> rows[(y / 64) % 2]);
    }

    /** A valid header claiming {@code width x height} 8-bit RGB pixels, followed by one row of data only. */
    public static byte[] declaring(int width, int height) {
        byte[] row = new byte[1 + width * 3];
        return png(width, height, 8, 2, y -> y == 0 ? row : null);
    }

    private interface Rows {
        byte[] row(int y);
    }

    private static byte[] png(int width, int height, int bitDepth, int colourType, Rows rows) {
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[]{(byte) bitDepth, (byte) colourType, 0, 0, 0});
            chunk(file, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
                for (int y = 0; y < height; y++) {
                    byte[] row = rows.row(y);
                    if (row == null) {
                        break;
                    }
                    z.write(row);
                }
            }
            chunk(file, "IDAT", idat.toByteArray());
            chunk(file, "IEND", new byte[0]);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
