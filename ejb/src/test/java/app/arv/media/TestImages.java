package app.arv.media;

import app.arv.imaging.input.MediaSniffer;
import app.arv.shared.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real images from the test resources, and hostile files made from them or by the book of their format. */
public final class TestImages {

    private TestImages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing test image " + name, e);
        }
    }

    /** The test image {@code name} as the web layer hands it over: spooled to a file in {@code directory}, hashed, its first bytes kept for sniffing. */
    public static SpooledFile spooled(String name, Path directory) throws IOException {
        byte[] bytes = resource(name);
        Path file = Files.write(directory.resolve(UUID.randomUUID() + "-" + name), bytes);
        byte[] head = Arrays.copyOf(bytes, MediaSniffer.HEAD_BYTES);
        return new SpooledFile(name, file, bytes.length, Sha256.hex(bytes), head, head.length);
    }

    /** The first half of a real JPEG: a download that broke off. */
    static byte[] truncatedJpeg() {
        byte[] jpeg = resource("rocket.jpg");
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** A valid PNG whose header declares {@code width x height} pixels, with a few bytes of image data. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
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

    /** A small ZIP that inflates to {@code inflatedBytes} of zeros: a zip bomb, e.g. renamed to .jpg. */
    public static byte[] zipBomb(int inflatedBytes) {
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

    /** The JPEG with an EXIF APP1 segment saying "rotate 90° clockwise to display" (orientation 6) inserted after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * The JPEG with XMP packets (APP1 segments of about 60 KB, the most one segment holds) of {@code bytes} in all
     * inserted right after SOI, ahead of any EXIF: what a photo editor that embeds its edit history writes.
     */
    static byte[] withXmpFirst(byte[] jpeg, int bytes) {
        byte[] namespace = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (int left = bytes; left > 0;) {
            int packet = Math.min(left, 60_000);
            int length = 2 + namespace.length + packet;
            out.write(0xFF);
            out.write(0xE1);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.writeBytes(namespace);
            byte[] xml = new byte[packet];
            Arrays.fill(xml, (byte) ' ');
            out.writeBytes(xml);
            left -= packet;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
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
