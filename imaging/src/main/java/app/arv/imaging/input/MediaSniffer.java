package app.arv.imaging.input;

import java.util.Optional;

/**
 * Names a file's type from its first bytes (magic numbers). The extension and the client's
 * Content-Type are never asked: a ZIP renamed {@code .jpg} is still a ZIP. Uploads are typed by it,
 * and {@link ImageDecoder} picks its decoder by it, so an image is decoded as what it is.
 */
public final class MediaSniffer {

    /** Enough for every signature below. */
    public static final int HEAD_BYTES = 16;

    private MediaSniffer() {
    }

    public static Optional<String> sniff(byte[] head, int length) {
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (length >= 12 && starts(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
                && head[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(head, length, 'P', 'K', 0x03, 0x04) || starts(head, length, 'P', 'K', 0x05, 0x06)) {
            return Optional.of("application/zip");
        }
        if (starts(head, length, 0x1F, 0x8B)) {
            return Optional.of("application/gzip");
        }
        if (starts(head, length, '%', 'P', 'D', 'F')) {
            return Optional.of("application/pdf");
        }
        if (length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return Optional.of("video/mp4");
        }
        if (starts(head, length, 'g', 'l', 'T', 'F')) {
            return Optional.of("model/gltf-binary");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
