package app.arv.imaging.input;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the EXIF orientation tag (1..8) from JPEG (APP1), PNG (eXIf) or WebP (EXIF chunk) bytes, so a phone
 * photo is compiled the way it is displayed. Anything unparsable means 1 (as stored).
 */
public final class ExifOrientation {

    public static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** @param file the whole file, or at least its first part (EXIF sits near the start of a JPEG) */
    public static int of(byte[] file) {
        try {
            if (file.length > 4 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
                return fromJpeg(file);
            }
            if (file.length > 8 && (file[0] & 0xff) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G') {
                return fromPng(file);
            }
            if (file.length > 12 && file[0] == 'R' && file[1] == 'I' && file[2] == 'F' && file[3] == 'F'
                    && file[8] == 'W' && file[9] == 'E' && file[10] == 'B' && file[11] == 'P') {
                return fromWebp(file);
            }
        } catch (RuntimeException e) {
            return NORMAL;
        }
        return NORMAL;
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

    private static int fromJpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xFF) {
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            if (marker == 0xE1 && length > 8 && b[pos + 4] == 'E' && b[pos + 5] == 'x' && b[pos + 6] == 'i' && b[pos + 7] == 'f') {
                return fromTiff(b, pos + 10, pos + 2 + length);
            }
            pos += 2 + length;
        }
        return NORMAL;
    }

    private static int fromPng(byte[] b) {
        int pos = 8;
        while (pos + 12 <= b.length) {
            int length = ByteBuffer.wrap(b, pos, 4).getInt();
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("eXIf")) {
                return fromTiff(b, pos + 8, pos + 8 + length);
            }
            if (type.equals("IDAT") || length < 0) {
                break;
            }
            pos += 12 + length;
        }
        return NORMAL;
    }

    private static int fromWebp(byte[] b) {
        int pos = 12;
        while (pos + 8 <= b.length) {
            int length = ByteBuffer.wrap(b, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("EXIF")) {
                int start = pos + 8;
                if (length > 6 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i' && b[start + 3] == 'f') {
                    start += 6;
                }
                return fromTiff(b, start, pos + 8 + length);
            }
            if (length < 0) {
                break;
            }
            pos += 8 + length + (length & 1);
        }
        return NORMAL;
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
