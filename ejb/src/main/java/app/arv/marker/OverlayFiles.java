package app.arv.marker;

import app.arv.imaging.input.MediaSniffer;
import app.arv.persistence.marker.OverlayKind;

import java.util.Optional;

/**
 * What an overlay file is, from its first bytes: MP4 (an ISO base media {@code ftyp} box with a video brand, not a
 * HEIC or AVIF still), WebM
 * (an EBML header) or binary glTF. The name and the client's Content-Type are not trusted.
 */
public final class OverlayFiles {

    public record Sniffed(String mediaType, OverlayKind kind) {
    }

    private OverlayFiles() {
    }

    public static Optional<Sniffed> sniff(byte[] head, int length) {
        if (length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            // the same box holds HEIC and AVIF stills: only the video brands make an MP4
            return MediaSniffer.sniff(head, length).filter("video/mp4"::equals).map(type -> new Sniffed(type, OverlayKind.VIDEO));
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return Optional.of(new Sniffed("video/webm", OverlayKind.VIDEO));
        }
        if (length >= 8 && head[0] == 'g' && head[1] == 'l' && head[2] == 'T' && head[3] == 'F' && head[4] == 2) {
            return Optional.of(new Sniffed("model/gltf-binary", OverlayKind.GLB));
        }
        return Optional.empty();
    }
}
