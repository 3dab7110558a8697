package app.arv.generation;

import app.arv.imaging.input.DecodeGate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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

    /** A textured model as the provider returns it (the local generator's GLB embeds its texture). */
    private static byte[] aTexturedModel() throws Exception {
        byte[] photo;
        try (InputStream in = ModelPreviewsTest.class.getResourceAsStream("/images/horse.png")) {
            photo = in.readAllBytes();
        }
        return new LocalModelGenerator().generate(photo, new GenerationOptions(2_000, TextureQuality.STANDARD)).glb();
    }

    /** A decoder whose texture decode fails with this error, as a decode that takes the last of the heap does. */
    private static ImageDecoder decodingFailsWith(Error error) {
        DecodeGate failing = (header, decodedBytes) -> {
            throw error;
        };
        return new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MAX_DECODED_BYTES, failing);
    }

    @Test
    void aModelWhoseRenderRunsOutOfMemoryGetsNoPictureAndTheOperatorsAreTold() throws Exception {
        byte[] glb = aTexturedModel();
        List<LogRecord> logged = new ArrayList<>();
        Handler recording = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ModelPreviews.class.getName());
        log.addHandler(recording);
        try {
            assertThat(previews.of(glb, decodingFailsWith(new OutOfMemoryError("Java heap space")))).isEmpty();
        } finally {
            log.removeHandler(recording);
        }

        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isInstanceOf(OutOfMemoryError.class);
        });
    }

    @Test
    void aModelWhoseRenderOverflowsTheStackGetsNoPicture() throws Exception {
        byte[] glb = aTexturedModel();

        assertThat(previews.of(glb, decodingFailsWith(new StackOverflowError()))).isEmpty();
    }
}
