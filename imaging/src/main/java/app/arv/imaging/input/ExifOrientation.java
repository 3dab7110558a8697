package app.arv.imaging.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the EXIF orientation tag (1..8) from JPEG (APP1), PNG (eXIf) or WebP (EXIF chunk, found by {@link WebpChunks}),
 * so a phone photo is compiled the way it is displayed. Anything unparsable means 1 (as stored).
 */
public final class ExifOrientation {

    public static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** The orientation of a JPEG or PNG file held in memory; {@link #NORMAL} for any other file. */
    public static int of(byte[] file) {
        String type = MediaSniffer.sniff(file, Math.min(file.length, MediaSniffer.HEAD_BYTES)).orElse("");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            return of(type, in);
        } catch (IOException e) {
            return NORMAL;
        }
    }

    /**
     * The orientation of a JPEG or PNG read from the stream, however far into the file its EXIF sits: the segments
     * (chunks) before it are skipped, not read, so large ICC profiles or XMP packets ahead of it cost nothing.
     * Reads from the stream's start and leaves it anywhere.
     */
    static int of(String type, ImageInputStream in) {
        ByteOrder order = in.getByteOrder();
        try {
            in.seek(0);
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
            return switch (type) {
                case "image/jpeg" -> fromJpeg(in);
                case "image/png" -> fromPng(in);
                default -> NORMAL;
            };
        } catch (IOException | RuntimeException e) {
            // EOF in a damaged file: orientation is not worth refusing it for; the decode judges the damage
            return NORMAL;
        } finally {
            in.setByteOrder(order);
        }
    }

    private static int fromJpeg(ImageInputStream in) throws IOException {
        in.skipBytes(2); // SOI
        while (true) {
            int fill = in.readUnsignedByte();
            if (fill != 0xFF) {
                return NORMAL;
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes before a marker
                marker = in.readUnsignedByte();
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return NORMAL;
            }
            if (marker == 0xE1 && length > 8) {
                byte[] segment = new byte[length - 2];
                in.readFully(segment);
                if (segment[0] == 'E' && segment[1] == 'x' && segment[2] == 'i' && segment[3] == 'f') {
                    return fromTiff(segment, 6, segment.length);
                }
            } else {
                in.skipBytes(length - 2);
            }
        }
    }

    private static int fromPng(ImageInputStream in) throws IOException {
        in.skipBytes(8); // signature
        while (true) {
            long length = in.readUnsignedInt();
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (name.equals("eXIf") && length <= Integer.MAX_VALUE) {
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                return fromTiff(payload, 0, payload.length);
            }
            if (name.equals("IDAT") || name.equals("IEND")) {
                return NORMAL;
            }
            in.seek(in.getStreamPosition() + length + 4); // payload and CRC
        }
    }

    /** @param payload a WebP EXIF chunk's payload: a TIFF structure, in some writers after an "Exif\0\0" prefix */
    static int ofWebpExif(byte[] payload) {
        try {
            int start = payload.length > 6 && payload[0] == 'E' && payload[1] == 'x' && payload[2] == 'i' && payload[3] == 'f' ? 6 : 0;
            return fromTiff(payload, start, payload.length);
        } catch (RuntimeException e) {
            return NORMAL;
        }
    }

    private static int fromTiff(byte[] b, int start, int end) {
        ByteOrder order = b[start] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buf = ByteBuffer.wrap(b, 0, Math.min(end, b.length)).order(order);
        int ifd = start + buf.getInt(start + 4);
        int entries = buf.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((buf.getShort(entry) & 0xffff) == 0x0112) {
                int value = buf.getShort(entry + 8) & 0xffff;
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }
}
