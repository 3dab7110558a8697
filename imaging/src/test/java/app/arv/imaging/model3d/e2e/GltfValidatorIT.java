package app.arv.imaging.model3d.e2e;

import app.arv.imaging.E2eEnvironment;
import app.arv.imaging.TestImages;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GLB the local generator makes from the sample images passes the Khronos glTF Validator
 * (npm gltf-validator, installed by src/test/e2e/setup.sh) with no errors and no warnings. Without node or the
 * package the test is skipped, unless CI=true, where that is a failure.
 */
class GltfValidatorIT {

    /** file -> options; moderate face limits keep this to a few seconds per image, plus one of each texture mode. */
    private static final Map<String, GenerationOptions> CASES = new LinkedHashMap<>();

    static {
        GenerationOptions standard = new GenerationOptions(5_000, TextureQuality.STANDARD);
        for (String file : new String[]{"horse.png", "horse-cutout.png", "coins.png", "coffee.png", "camera.png",
                "chelsea.png", "chelsea-lossless.webp", "rocket.jpg"}) {
            CASES.put(file, standard);
        }
        CASES.put("horse.png#none", new GenerationOptions(500, TextureQuality.NONE));
        CASES.put("coffee.png#hd", new GenerationOptions(40_000, TextureQuality.HD));
        // phone-photo size: a 2048-px texture, and over 65 534 vertices, so 32-bit indices
        CASES.put("coffee.png#12mp", new GenerationOptions(GenerationOptions.MAX_FACE_LIMIT, TextureQuality.HD));
    }

    @TempDir
    Path dir;

    @Test
    void everyGeneratedModelPassesTheKhronosValidatorWithoutErrorsOrWarnings() throws Exception {
        E2eEnvironment e2e = E2eEnvironment.requireGltfValidator();
        LocalModelGenerator generator = new LocalModelGenerator();
        List<String> command = new ArrayList<>(List.of("validate-gltf.mjs"));
        Map<String, GeneratedModel> models = new LinkedHashMap<>();
        for (Map.Entry<String, GenerationOptions> c : CASES.entrySet()) {
            byte[] image = TestImages.bytes("images/" + c.getKey().replaceAll("#.*", ""));
            if (c.getKey().endsWith("#12mp")) {
                image = TestImages.enlargedJpeg(image, 4020);
            }
            GeneratedModel model = generator.generate(image, c.getValue());
            String name = c.getKey().replaceAll("[^A-Za-z0-9-]", "_") + ".glb";
            Files.write(dir.resolve(name), model.glb());
            command.add(dir.resolve(name).toString());
            models.put(name, model);
        }

        JsonNode report = e2e.node(120, command.toArray(String[]::new));

        assertThat(report.get("files")).hasSize(CASES.size());
        StringBuilder table = new StringBuilder("\n| model | faces | texture | errors | warnings | infos | hints |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode file : report.get("files")) {
            GeneratedModel model = models.get(file.get("file").asText());
            table.append("| ").append(file.get("file").asText()).append(" | ").append(model.stats().faces()).append(" | ")
                    .append(model.stats().textureWidth()).append('x').append(model.stats().textureHeight()).append(" | ")
                    .append(file.get("errors").asInt()).append(" | ").append(file.get("warnings").asInt()).append(" | ")
                    .append(file.get("infos").asInt()).append(" | ").append(file.get("hints").asInt()).append(" |\n");
        }
        System.out.println(table);
        for (JsonNode file : report.get("files")) {
            assertThat(file.get("errors").asInt()).as("errors in %s: %s", file.get("file"), file.get("messages")).isZero();
            assertThat(file.get("warnings").asInt()).as("warnings in %s: %s", file.get("file"), file.get("messages")).isZero();
            assertThat(file.get("info").get("totalTriangleCount").asInt()).as("triangles in %s", file.get("file"))
                    .isEqualTo(models.get(file.get("file").asText()).stats().faces());
        }
    }
}
