package app.arv.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files an attacker (or an unlucky client) sends, made from real images or by the book of their format. */
final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] truncatedJpeg() {
        byte[] jpeg = MediaApi.image("rocket.jpg");
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** A well-formed PNG whose header declares {@code width x height} pixels, with a few bytes of image data. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            z.write(new byte[1 + width * 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** About 100 KB that inflate to {@code inflatedBytes} of zeros. */
    static byte[] zipBomb(int inflatedBytes) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (int written = 0; written < inflatedBytes; written += block.length) {
                out.write(block);
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /** A real JPEG padded with random bytes after its end to the given size: valid image, too big a file. */
    static byte[] jpegOfSize(int size) {
        byte[] jpeg = MediaApi.image("rocket.jpg");
        byte[] out = Arrays.copyOf(jpeg, size);
        byte[] padding = new byte[size - jpeg.length];
        new Random(size).nextBytes(padding);
        System.arraycopy(padding, 0, out, jpeg.length, padding.length);
        return out;
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
