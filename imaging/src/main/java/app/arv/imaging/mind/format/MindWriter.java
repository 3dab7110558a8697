package app.arv.imaging.mind.format;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes a {@link MindFile} byte for byte the way mind-ar's exporter does (JavaScript msgpack):
 * maps keyed by strings in the runtime's key order, whole numbers in the smallest integer type,
 * other numbers as float64, grey pixels as bin, cluster centres as strings.
 */
public final class MindWriter {

    public byte[] write(MindFile file) {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(2);
            out.packString("v");
            out.packInt(MindFile.VERSION);
            out.packString("dataList");
            out.packArrayHeader(file.targets().size());
            for (MindTarget target : file.targets()) {
                writeTarget(out, target);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory msgpack encoding failed", e);
        }
    }

    private void writeTarget(MessagePacker out, MindTarget target) throws IOException {
        out.packMapHeader(3);
        out.packString("targetImage");
        out.packMapHeader(2);
        out.packString("width");
        out.packInt(target.width());
        out.packString("height");
        out.packInt(target.height());
        out.packString("trackingData");
        out.packArrayHeader(target.trackingImages().size());
        for (TrackingImage image : target.trackingImages()) {
            writeTrackingImage(out, image);
        }
        out.packString("matchingData");
        out.packArrayHeader(target.keyframes().size());
        for (Keyframe keyframe : target.keyframes()) {
            writeKeyframe(out, keyframe);
        }
    }

    private void writeTrackingImage(MessagePacker out, TrackingImage image) throws IOException {
        out.packMapHeader(5);
        out.packString("data");
        out.packBinaryHeader(image.pixels().length);
        out.writePayload(image.pixels());
        out.packString("scale");
        packNumber(out, image.scale());
        out.packString("width");
        out.packInt(image.width());
        out.packString("height");
        out.packInt(image.height());
        out.packString("points");
        out.packArrayHeader(image.points().size());
        for (TrackingPoint p : image.points()) {
            out.packMapHeader(2);
            out.packString("x");
            out.packInt(p.x());
            out.packString("y");
            out.packInt(p.y());
        }
    }

    private void writeKeyframe(MessagePacker out, Keyframe keyframe) throws IOException {
        out.packMapHeader(7);
        out.packString("maximaPoints");
        writePoints(out, keyframe.maximaPoints());
        out.packString("minimaPoints");
        writePoints(out, keyframe.minimaPoints());
        out.packString("maximaPointsCluster");
        writeTree(out, keyframe.maximaCluster());
        out.packString("minimaPointsCluster");
        writeTree(out, keyframe.minimaCluster());
        out.packString("width");
        out.packInt(keyframe.width());
        out.packString("height");
        out.packInt(keyframe.height());
        out.packString("scale");
        packNumber(out, keyframe.scale());
    }

    private void writePoints(MessagePacker out, List<FeaturePoint> points) throws IOException {
        out.packArrayHeader(points.size());
        for (FeaturePoint p : points) {
            out.packMapHeader(6);
            out.packString("maxima");
            out.packBoolean(p.maxima());
            out.packString("x");
            packNumber(out, p.x());
            out.packString("y");
            packNumber(out, p.y());
            out.packString("scale");
            out.packInt(p.scale());
            out.packString("angle");
            packNumber(out, p.angle());
            out.packString("descriptors");
            out.packArrayHeader(p.descriptors().length);
            for (int word : p.descriptors()) {
                out.packLong(Integer.toUnsignedLong(word));
            }
        }
    }

    private void writeTree(MessagePacker out, ClusterNode root) throws IOException {
        out.packMapHeader(1);
        out.packString("rootNode");
        writeNode(out, root);
    }

    private void writeNode(MessagePacker out, ClusterNode node) throws IOException {
        out.packMapHeader(3);
        out.packString("centerPointIndex");
        if (node.centerPointIndex() == ClusterNode.ROOT) {
            out.packNil();
        } else {
            out.packString(Integer.toString(node.centerPointIndex()));
        }
        out.packString("leaf");
        out.packBoolean(node.leaf());
        if (node.leaf()) {
            out.packString("pointIndexes");
            out.packArrayHeader(node.pointIndexes().size());
            for (int index : node.pointIndexes()) {
                out.packInt(index);
            }
        } else {
            out.packString("children");
            out.packArrayHeader(node.children().size());
            for (ClusterNode child : node.children()) {
                writeNode(out, child);
            }
        }
    }

    /** JavaScript has one number type; its msgpack encoder writes safe integers as ints, the rest as float64. */
    static void packNumber(MessagePacker out, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) <= 9007199254740991d) {
            out.packLong((long) value);
        } else {
            out.packDouble(value);
        }
    }
}
