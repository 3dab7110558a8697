package app.arv.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the EXIF orientation (1..8) of a JPEG, so thumbnails of phone photos stand the way the photo
 * is displayed. Anything unreadable means 1 (as stored): a wrong guess must not refuse an upload.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    /** EXIF lives in APP1 near the start; no need to read further. */
    private static final int SEARCH_BYTES = 128 * 1024;

    private ExifOrientation() {
    }

    static int ofJpeg(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJpeg(in.readNBytes(SEARCH_BYTES));
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    static int fromJpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            if (marker == 0xE1 && length > 8 && b[pos + 4] == 'E' && b[pos + 5] == 'x' && b[pos + 6] == 'i' && b[pos + 7] == 'f') {
                return fromTiff(b, pos + 10, Math.min(b.length, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        boolean little = b[start] == 'I';
        int ifd = start + u32(b, start + 4, little);
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u32(byte[] b, int i, boolean little) {
        return little ? u16(b, i, true) | u16(b, i + 2, true) << 16 : u16(b, i, false) << 16 | u16(b, i + 2, false);
    }
}
