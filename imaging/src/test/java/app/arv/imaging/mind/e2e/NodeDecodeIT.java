package app.arv.imaging.mind.e2e;

import app.arv.imaging.E2eEnvironment;
import app.arv.imaging.TestImages;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our files decoded by @msgpack/msgpack 2.8.0, the decoder inside mind-ar 1.2.5, read like the runtime reads them. */
class NodeDecodeIT {

    @TempDir
    Path dir;

    @Test
    void theRuntimesDecoderReadsOurFileWithTheStructureAndTypesItExpects() throws Exception {
        E2eEnvironment env = E2eEnvironment.require(false);
        byte[] bytes = new MindTargetCompiler().compileToMind(List.of(TestImages.grey("coins"), TestImages.grey("chelsea")));
        Path file = dir.resolve("two.mind");
        Files.write(file, bytes);
        MindFile ours = new MindReader().read(bytes);

        JsonNode decoded = env.node(60, "decode.mjs", file.toString());

        assertThat(decoded.get("accepted").asBoolean()).isTrue();
        assertThat(decoded.get("topKeys").toString()).isEqualTo("[\"v\",\"dataList\"]");
        assertThat(decoded.get("targets")).hasSize(2);
        for (int t = 0; t < 2; t++) {
            MindTarget target = ours.targets().get(t);
            JsonNode js = decoded.get("targets").get(t);
            assertThat(js.get("keys").toString()).isEqualTo("[\"targetImage\",\"trackingData\",\"matchingData\"]");
            assertThat(js.get("width").asInt()).isEqualTo(target.width());
            for (int i = 0; i < 2; i++) {
                JsonNode tracking = js.get("tracking").get(i);
                assertThat(tracking.get("dataType").asText()).isEqualTo("Uint8Array");
                assertThat(tracking.get("dataLength").asInt()).isEqualTo(tracking.get("width").asInt() * tracking.get("height").asInt());
                assertThat(tracking.get("points").asInt()).isEqualTo(target.trackingImages().get(i).points().size());
                assertThat(tracking.get("pointsAreIntegers").asBoolean()).isTrue();
            }
            for (int k = 0; k < target.keyframes().size(); k++) {
                Keyframe keyframe = target.keyframes().get(k);
                JsonNode js2 = js.get("matching").get(k);
                assertThat(js2.get("keys").toString()).isEqualTo("[\"maximaPoints\",\"minimaPoints\",\"maximaPointsCluster\","
                        + "\"minimaPointsCluster\",\"width\",\"height\",\"scale\"]");
                assertThat(js2.get("maxima").asInt()).isEqualTo(keyframe.maximaPoints().size());
                assertThat(js2.get("minima").asInt()).isEqualTo(keyframe.minimaPoints().size());
                assertThat(js2.get("scale").asDouble()).isEqualTo(keyframe.scale());
                assertThat(js2.get("pointKeys").toString()).isEqualTo("[\"maxima\",\"x\",\"y\",\"scale\",\"angle\",\"descriptors\"]");
                assertThat(js2.get("descriptorsOk").asBoolean()).isTrue();
                assertThat(js2.get("maximaFlagsOk").asBoolean()).isTrue();
                assertThat(js2.get("rootCenter").asText()).isEqualTo("null");
                assertThat(js2.get("childCenterTypes").toString()).isIn("[\"string\"]", "[]");
                var first = keyframe.maximaPoints().isEmpty() ? keyframe.minimaPoints().get(0) : keyframe.maximaPoints().get(0);
                assertThat(js2.get("firstPoint").get("x").asDouble()).isEqualTo(first.x());
                assertThat(js2.get("firstPoint").get("angle").asDouble()).isEqualTo(first.angle());
                assertThat(js2.get("firstPoint").get("d0").asLong()).isEqualTo(Integer.toUnsignedLong(first.descriptors()[0]));
            }
        }
    }
}
