package app.arv.imaging.mind.format;

import app.arv.imaging.TestImages;
import app.arv.imaging.mind.MindTargetCompiler;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MindFormatTest {

    @Test
    void reEncodingTheOfficialCompilersFileReproducesItByteForByte() throws Exception {
        byte[] official = TestImages.golden("coffee");

        byte[] reEncoded = new MindWriter().write(new MindReader().read(official));

        assertThat(reEncoded).isEqualTo(official);
    }

    @Test
    void ourFileSurvivesARoundTripThroughTheReader() throws Exception {
        MindFile compiled = new MindFile(List.of(new MindTargetCompiler().compile(TestImages.grey("coins")).target()));
        byte[] bytes = new MindWriter().write(compiled);

        MindFile read = new MindReader().read(bytes);

        assertThat(new MindWriter().write(read)).isEqualTo(bytes);
        MindTarget target = read.targets().get(0);
        assertThat(target.width()).isEqualTo(384);
        assertThat(target.height()).isEqualTo(303);
        assertThat(target.trackingImages()).hasSize(2);
        assertThat(target.keyframes().get(0).scale()).isEqualTo(1.0);
        assertThat(target.keyframes().get(0).maximaCluster().pointCount())
                .isEqualTo(target.keyframes().get(0).maximaPoints().size());
    }

    @Test
    void clusterCentresAreWrittenAsStringsAndTheRootCentreAsNil() throws Exception {
        ClusterNode tree = ClusterNode.inner(ClusterNode.ROOT, List.of(ClusterNode.leaf(7, List.of(0, 7))));
        Keyframe keyframe = new Keyframe(List.of(), List.of(), tree, ClusterNode.leaf(ClusterNode.ROOT, List.of()), 10, 10, 1.0);
        byte[] bytes = new MindWriter().write(new MindFile(List.of(new MindTarget(10, 10, List.of(), List.of(keyframe)))));

        String json = MessagePack.newDefaultUnpacker(bytes).unpackValue().toJson();

        assertThat(json).contains("\"maximaPointsCluster\":{\"rootNode\":{\"centerPointIndex\":null,\"leaf\":false,");
        assertThat(json).contains("{\"centerPointIndex\":\"7\",\"leaf\":true,\"pointIndexes\":[0,7]}");
    }

    @Test
    void wholeNumbersAreWrittenAsIntegersAndFractionsAsFloat64LikeJavaScriptDoes() throws Exception {
        var packer = MessagePack.newDefaultBufferPacker();
        MindWriter.packNumber(packer, 1.0);
        MindWriter.packNumber(packer, 0.5);
        MindWriter.packNumber(packer, -0.0);
        var unpacker = MessagePack.newDefaultUnpacker(packer.toByteArray());

        assertThat(unpacker.getNextFormat().getValueType().isIntegerType()).isTrue();
        assertThat(unpacker.unpackInt()).isEqualTo(1);
        assertThat(unpacker.getNextFormat()).isEqualTo(org.msgpack.core.MessageFormat.FLOAT64);
        assertThat(unpacker.unpackDouble()).isEqualTo(0.5);
        assertThat(unpacker.unpackInt()).isZero();
    }

    @Test
    void aFileOfAnotherFormatVersionIsRejected() throws Exception {
        var packer = MessagePack.newDefaultBufferPacker();
        packer.packMapHeader(2).packString("v").packInt(1).packString("dataList").packArrayHeader(0);

        assertThatThrownBy(() -> new MindReader().read(packer.toByteArray()))
                .isInstanceOf(MindFormatException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void bytesThatAreNotMsgpackAreRejected() {
        assertThatThrownBy(() -> new MindReader().read(TestImages.bytes("images/horse.png")))
                .isInstanceOf(MindFormatException.class);
    }

    @Test
    void twoFilesMergeIntoOneWithTargetsInOrder() throws Exception {
        MindFile coffee = new MindReader().read(TestImages.golden("coffee"));
        MindFile coins = new MindReader().read(TestImages.golden("coins"));

        MindFile merged = new MindReader().read(new MindWriter().write(coffee.followedBy(coins)));

        assertThat(merged.targets()).extracting(MindTarget::width).containsExactly(600, 384);
    }
}
