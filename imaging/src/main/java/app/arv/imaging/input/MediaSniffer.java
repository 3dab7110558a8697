package app.arv.imaging.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names a file's type from its first bytes (magic numbers). The extension and the client's
 * Content-Type are never asked: a ZIP renamed {@code .jpg} is still a ZIP. Uploads are typed by it,
 * and {@link ImageDecoder} picks its decoder by it, so an image is decoded as what it is.
 */
public final class MediaSniffer {

    /** Enough for every signature below, and for an ISO-BMFF {@code ftyp} box's major and first compatible brands. */
    public static final int HEAD_BYTES = 64;

    /** HEIF still images: what iPhones save photos as (HEIC), and the generic image brands. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "mif2", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    /** MP4 and QuickTime video (and the brands cameras and phones put first in them). */
    private static final Set<String> VIDEO_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
            "mp41", "mp42", "mp71", "avc1", "hvc1", "M4V ", "M4VH", "M4VP", "f4v ", "dash", "qt  ", "3gp4", "3gp5", "3gp6",
            "3g2a", "mmp4", "MSNV", "XAVC", "NDAS");

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
            return isoBaseMedia(head, length);
        }
        if (starts(head, length, 'g', 'l', 'T', 'F')) {
            return Optional.of("model/gltf-binary");
        }
        return Optional.empty();
    }

    /**
     * An ISO base media file ({@code ftyp} box) is a still image or a video by its brands, not by the box: the major
     * brand and the compatible ones the head holds. An image brand anywhere wins (an AVIF lists {@code mif1}, a
     * HEIC sequence may list {@code iso8}); brands of neither kind are no known format.
     *
     * @return {@code image/avif}, {@code image/heic} or {@code video/mp4} (MP4 and QuickTime)
     */
    private static Optional<String> isoBaseMedia(byte[] head, int length) {
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = (int) Math.min(length, boxSize < 16 ? 16 : boxSize);
        List<String> brands = new ArrayList<>();
        brands.add(new String(head, 8, 4, StandardCharsets.ISO_8859_1));
        for (int at = 16; at + 4 <= end; at += 4) {
            brands.add(new String(head, at, 4, StandardCharsets.ISO_8859_1));
        }
        if (brands.stream().anyMatch(AVIF_BRANDS::contains)) {
            return Optional.of("image/avif");
        }
        if (brands.stream().anyMatch(HEIF_BRANDS::contains)) {
            return Optional.of("image/heic");
        }
        if (brands.stream().anyMatch(VIDEO_BRANDS::contains)) {
            return Optional.of("video/mp4");
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
