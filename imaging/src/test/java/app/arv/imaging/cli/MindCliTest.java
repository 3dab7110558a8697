package app.arv.imaging.cli;

import app.arv.imaging.TestImages;
import app.arv.imaging.mind.format.MindReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MindCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MindCli cli = new MindCli(new PrintStream(out, true), new PrintStream(err, true));

    @Test
    void compileWritesOneTargetPerImageAndExitsZero() throws Exception {
        Path coins = image("coins");
        Path page = image("page");
        Path mind = dir.resolve("out.mind");

        int code = cli.run(new String[]{"compile", coins.toString(), page.toString(), mind.toString()});

        assertThat(code).isZero();
        assertThat(new MindReader().read(Files.readAllBytes(mind)).targets()).hasSize(2);
    }

    @Test
    void inspectSummarisesAMindFileAsJson() throws Exception {
        Path mind = dir.resolve("coffee.mind");
        Files.write(mind, TestImages.golden("coffee"));

        int code = cli.run(new String[]{"inspect", mind.toString()});

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("targets").get(0).get("width").asInt()).isEqualTo(600);
        assertThat(json.get("targets").get(0).get("tracking")).hasSize(2);
    }

    @Test
    void analyzePrintsTheQualityReportAsJson() throws Exception {
        int code = cli.run(new String[]{"analyze", image("chelsea").toString()});

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("verdict").asText()).isEqualTo("good");
        assertThat(json.get("featuresPerScale").get(0).get("maxima").asInt()).isPositive();
    }

    @Test
    void aFlatImageIsRefusedWithExitOneAndTheReasonOnStderr() throws Exception {
        Path flat = dir.resolve("flat.png");
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(white, "png", flat.toFile());

        int code = cli.run(new String[]{"compile", flat.toString(), dir.resolve("x.mind").toString()});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no usable features");
        assertThat(dir.resolve("x.mind")).doesNotExist();
    }

    @Test
    void missingArgumentsAreAUsageErrorWithExitTwo() {
        int code = cli.run(new String[]{"compile", "only-one.png"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("usage:");
    }

    private Path image(String name) throws Exception {
        Path file = dir.resolve(name + ".png");
        Files.write(file, TestImages.bytes("images/" + name + ".png"));
        return file;
    }
}
