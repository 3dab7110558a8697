package app.arv.imaging.mind;

import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.quality.QualityReport;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One compiled target with the verdict on how well it will work. From {@link MindTargetCompiler#analyze} the
 * matching trees (only the runtime needs them, not the report) are built the first time {@link #target} is called,
 * so a caller that only wants the report never pays for them; the target is the same either way.
 */
public final class CompiledTarget {

    private final QualityReport quality;
    private Supplier<MindTarget> pending;
    private MindTarget target;

    public CompiledTarget(MindTarget target, QualityReport quality) {
        this.target = Objects.requireNonNull(target);
        this.quality = quality;
    }

    CompiledTarget(Supplier<MindTarget> target, QualityReport quality) {
        this.pending = target;
        this.quality = quality;
    }

    /** The complete target, as {@link MindTargetCompiler#compile} makes it (built on first call when deferred). */
    public synchronized MindTarget target() {
        if (target == null) {
            target = pending.get();
            pending = null;
        }
        return target;
    }

    public QualityReport quality() {
        return quality;
    }
}
