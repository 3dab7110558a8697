package app.arv.imaging.mind.format;

import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code .mind} bytes (ours or the official compiler's) into a {@link MindFile}. */
public final class MindReader {

    public MindFile read(byte[] bytes) throws MindFormatException {
        Object root;
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            root = readValue(in);
            if (in.hasNext()) {
                throw new MindFormatException("trailing bytes after the msgpack document");
            }
        } catch (IOException | RuntimeException e) {
            throw new MindFormatException("not a msgpack document: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(root, "file");
        Object version = top.get("v");
        if (!(version instanceof Number n) || n.doubleValue() != MindFile.VERSION) {
            throw new MindFormatException("unsupported .mind version " + version + " (the runtime accepts only 2)");
        }
        List<MindTarget> targets = new ArrayList<>();
        for (Object t : list(top.get("dataList"), "dataList")) {
            targets.add(target(map(t, "target")));
        }
        return new MindFile(targets);
    }

    private MindTarget target(Map<String, Object> m) throws MindFormatException {
        Map<String, Object> image = map(m.get("targetImage"), "targetImage");
        List<TrackingImage> tracking = new ArrayList<>();
        for (Object t : list(m.get("trackingData"), "trackingData")) {
            tracking.add(trackingImage(map(t, "trackingData item")));
        }
        List<Keyframe> keyframes = new ArrayList<>();
        for (Object k : list(m.get("matchingData"), "matchingData")) {
            keyframes.add(keyframe(map(k, "keyframe")));
        }
        return new MindTarget(integer(image.get("width"), "width"), integer(image.get("height"), "height"),
                tracking, keyframes);
    }

    private TrackingImage trackingImage(Map<String, Object> m) throws MindFormatException {
        if (!(m.get("data") instanceof byte[] pixels)) {
            throw new MindFormatException("tracking image data is not binary");
        }
        List<TrackingPoint> points = new ArrayList<>();
        for (Object p : list(m.get("points"), "points")) {
            Map<String, Object> pm = map(p, "tracking point");
            points.add(new TrackingPoint(integer(pm.get("x"), "x"), integer(pm.get("y"), "y")));
        }
        try {
            return new TrackingImage(pixels, number(m.get("scale"), "scale"), integer(m.get("width"), "width"),
                    integer(m.get("height"), "height"), points);
        } catch (IllegalArgumentException e) {
            throw new MindFormatException(e.getMessage(), e);
        }
    }

    private Keyframe keyframe(Map<String, Object> m) throws MindFormatException {
        return new Keyframe(points(m.get("maximaPoints")), points(m.get("minimaPoints")),
                tree(m.get("maximaPointsCluster")), tree(m.get("minimaPointsCluster")),
                integer(m.get("width"), "width"), integer(m.get("height"), "height"), number(m.get("scale"), "scale"));
    }

    private List<FeaturePoint> points(Object value) throws MindFormatException {
        List<FeaturePoint> points = new ArrayList<>();
        for (Object p : list(value, "points")) {
            Map<String, Object> m = map(p, "feature point");
            List<Object> words = list(m.get("descriptors"), "descriptors");
            if (words.size() != FeaturePoint.DESCRIPTOR_WORDS) {
                throw new MindFormatException("descriptor has " + words.size() + " words, expected 21");
            }
            int[] descriptors = new int[words.size()];
            for (int i = 0; i < descriptors.length; i++) {
                descriptors[i] = (int) (long) number(words.get(i), "descriptor word");
            }
            if (!(m.get("maxima") instanceof Boolean maxima)) {
                throw new MindFormatException("feature point without boolean maxima");
            }
            points.add(new FeaturePoint(maxima, number(m.get("x"), "x"), number(m.get("y"), "y"),
                    integer(m.get("scale"), "scale"), number(m.get("angle"), "angle"), descriptors));
        }
        return points;
    }

    private ClusterNode tree(Object value) throws MindFormatException {
        return node(map(map(value, "cluster").get("rootNode"), "rootNode"));
    }

    private ClusterNode node(Map<String, Object> m) throws MindFormatException {
        Object center = m.get("centerPointIndex");
        int centerIndex;
        if (center == null) {
            centerIndex = ClusterNode.ROOT;
        } else if (center instanceof String s) {
            try {
                centerIndex = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new MindFormatException("centerPointIndex is not a number: " + s);
            }
        } else {
            centerIndex = integer(center, "centerPointIndex");
        }
        if (Boolean.TRUE.equals(m.get("leaf"))) {
            List<Integer> indexes = new ArrayList<>();
            for (Object i : list(m.get("pointIndexes"), "pointIndexes")) {
                indexes.add(integer(i, "point index"));
            }
            return ClusterNode.leaf(centerIndex, indexes);
        }
        List<ClusterNode> children = new ArrayList<>();
        for (Object c : list(m.get("children"), "children")) {
            children.add(node(map(c, "cluster node")));
        }
        return ClusterNode.inner(centerIndex, children);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) throws MindFormatException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new MindFormatException(what + " is not a map");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) throws MindFormatException {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new MindFormatException(what + " is not an array");
    }

    private static double number(Object value, String what) throws MindFormatException {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new MindFormatException(what + " is not a number");
    }

    private static int integer(Object value, String what) throws MindFormatException {
        double d = number(value, what);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new MindFormatException(what + " is not an integer: " + d);
        }
        return (int) d;
    }

    /** Plain Java tree of the msgpack document: maps, lists, strings, numbers, booleans, byte[] and null. */
    private static Object readValue(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        ValueType type = format.getValueType();
        switch (type) {
            case NIL :
                in.unpackNil();
                return null;
            case BOOLEAN :
                return in.unpackBoolean();
            case INTEGER :
                return in.unpackLong();
            case FLOAT :
                return in.unpackDouble();
            case STRING :
                return in.unpackString();
            case BINARY : {
                int n = in.unpackBinaryHeader();
                return in.readPayload(n);
            }
            case ARRAY : {
                int n = in.unpackArrayHeader();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readValue(in));
                }
                return items;
            }
            case MAP : {
                int n = in.unpackMapHeader();
                Map<String, Object> entries = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    Object key = readValue(in);
                    entries.put(String.valueOf(key), readValue(in));
                }
                return entries;
            }
            default :
                throw new IOException("unexpected msgpack type " + type);
        }
    }
}
