package app.arv.generation;

import app.arv.imaging.gltf.GlbWriter;
import app.arv.imaging.usdz.UsdzWriter;
import app.arv.media.TestDecodings;
import app.arv.media.TestSpools;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UsdzModelsTest {

    @TempDir
    Path dataDir;

    @Test
    void aConversionBeyondTheNodesBoundAnswersBusyWithRetryAfter() {
        UsdzModels models = models(Duration.ZERO);

        UsdzModels.Slot first = models.admit();
        UsdzModels.Slot second = models.admit();

        Throwable thrown = catchThrowable(() -> models.of(null)); // refused before the model is read

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, busy -> {
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("busy");
            assertThat(busy.retryAfter()).isPresent();
        });
        first.close();
        second.close();
    }

    @Test
    void theUsdzIsWrittenInTheNodesSpoolNotTheJvmsTemporaryDirectoryAndIsAllThatStaysThere() throws IOException {
        Path usdz = models(Duration.ofSeconds(1)).convert(new ByteArrayInputStream(aTriangle()));
        try {
            assertThat(usdz.getParent()).isEqualTo(dataDir.resolve("spool"));
            assertThat(spooled()).containsExactly(usdz); // the GLB's copy and the USDA text are gone
            assertThat(Files.size(usdz)).isPositive();
        } finally {
            UsdzModels.delete(usdz);
        }
    }

    @Test
    void aRefusedConversionLeavesNoFileInTheSpool() throws IOException {
        byte[] notAModel = "hello, not a model".getBytes(StandardCharsets.US_ASCII);

        Throwable thrown = catchThrowable(() -> models(Duration.ofSeconds(1)).convert(new ByteArrayInputStream(notAModel)));

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("model_not_convertible");
        });
        assertThat(spooled()).isEmpty();
    }

    @Test
    void theUsdzTagChangesWithTheWritersVersion() {
        assertThat(UsdzModels.tag("abc")).isEqualTo("abc-usdz" + UsdzWriter.VERSION);
    }

    /** Two conversions at once, the node's spool under the test's data directory. */
    private UsdzModels models(Duration wait) {
        return new UsdzModels(2, wait, TestDecodings.of(50_000_000, 2, wait), TestSpools.in(dataDir));
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("spool"))) {
            return files.toList();
        }
    }

    /** One grey triangle, as the GLB writer writes a model. */
    private static byte[] aTriangle() {
        float[] grey = {0.5f, 0.5f, 0.5f, 1};
        return new GlbWriter().write(new GlbWriter.Model("triangle", new float[]{0, 0, 0, 1, 0, 0, 0, 1, 0},
                new float[]{0, 0, 1, 0, 0, 1, 0, 0, 1}, null, new int[]{0, 1, 2}, new int[0], null, grey, grey));
    }
}
