package app.arv.imaging.mind.format;

import java.util.ArrayList;
import java.util.List;

/** Content of a {@code .mind} file: targets in the order the runtime numbers them (anchor index). */
public record MindFile(List<MindTarget> targets) {

    /** The only format version the mind-ar 1.2.x runtime accepts. */
    public static final int VERSION = 2;

    public MindFile {
        targets = List.copyOf(targets);
    }

    /** One file holding this file's targets followed by the other's, so anchors keep their relative order. */
    public MindFile followedBy(MindFile other) {
        List<MindTarget> all = new ArrayList<>(targets);
        all.addAll(other.targets);
        return new MindFile(all);
    }
}
