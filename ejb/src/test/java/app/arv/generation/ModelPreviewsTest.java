package app.arv.generation;

import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A remote provider's GLB gets ARV's own picture, or none (then the provider's image is kept). */
class ModelPreviewsTest {

    private final ModelPreviews previews = new ModelPreviews();

    @Test
    void aProvidersModelIsPicturedLikeALocalModel() throws Exception {
        byte[] photo;
        try (InputStream in = ModelPreviewsTest.class.getResourceAsStream("/images/horse.png")) {
            photo = in.readAllBytes();
        }
        GeneratedModel local = new LocalModelGenerator().generate(photo, new GenerationOptions(2_000, TextureQuality.STANDARD));

        byte[] picture = previews.of(local.glb(), new ImageDecoder()).orElseThrow();

        assertThat(picture).isEqualTo(local.previewPng());
    }

    @Test
    void aGlbWithoutTrianglesGetsNoPicture() {
        byte[] json = "{\"asset\":{\"version\":\"2.0\"}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer glb = ByteBuffer.allocate(20 + 28).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(0x46546C67).putInt(2).putInt(48).putInt(28).putInt(0x4E4F534A).put(json);
        while (glb.hasRemaining()) {
            glb.put((byte) ' ');
        }

        assertThat(previews.of(glb.array(), new ImageDecoder())).isEmpty();
    }

    @Test
    void aFileTheReaderCannotReadGetsNoPictureInsteadOfAnError() {
        byte[] broken = {'g', 'l', 'T', 'F', 2, 0, 0, 0, 99, 0, 0, 0, 120, 0, 0, 0, 'J', 'S', 'O', 'N', '{'};

        assertThat(previews.of(broken, new ImageDecoder())).isEmpty();
    }
}
