package app.arv.marker;

import app.arv.persistence.marker.OverlayKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class OverlayFilesTest {

    private static OverlayFiles.Sniffed sniff(byte[] bytes) {
        byte[] head = Arrays.copyOf(bytes, 16);
        return OverlayFiles.sniff(head, Math.min(bytes.length, 16)).orElse(null);
    }

    @Test
    void anMp4FileIsAVideoByItsFtypBox() throws IOException {
        byte[] mp4;
        try (InputStream in = getClass().getResourceAsStream("/overlays/clip.mp4")) {
            mp4 = in.readAllBytes();
        }

        assertThat(sniff(mp4)).isEqualTo(new OverlayFiles.Sniffed("video/mp4", OverlayKind.VIDEO));
    }

    @Test
    void aWebmFileIsAVideoByItsEbmlHeader() {
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01};

        assertThat(sniff(webm)).isEqualTo(new OverlayFiles.Sniffed("video/webm", OverlayKind.VIDEO));
    }

    @Test
    void aBinaryGltfVersion2IsAModel() {
        byte[] glb = {'g', 'l', 'T', 'F', 2, 0, 0, 0, 100, 0, 0, 0};

        assertThat(sniff(glb)).isEqualTo(new OverlayFiles.Sniffed("model/gltf-binary", OverlayKind.GLB));
    }

    @Test
    void anImageOrTextIsNoOverlay() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

        assertThat(sniff(png)).isNull();
        assertThat(sniff("<html>ftyp</html>".getBytes())).isNull();
    }

    @Test
    void aHeicPhotoIsNoVideoOverlay() {
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};

        assertThat(OverlayFiles.sniff(heic, heic.length)).isEmpty();
    }

    @Test
    void anAvifStillIsNoVideoOverlay() {
        byte[] avif = {0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0, 'a', 'v', 'i', 'f', 'm', 'i', 'f', '1',
                'm', 'i', 'a', 'f'};

        assertThat(OverlayFiles.sniff(avif, avif.length)).isEmpty();
    }
}
