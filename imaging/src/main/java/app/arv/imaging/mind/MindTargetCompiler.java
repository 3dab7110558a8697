package app.arv.imaging.mind;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.mind.cluster.ClusterTreeBuilder;
import app.arv.imaging.mind.detect.FeatureDetector;
import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.mind.format.TrackingImage;
import app.arv.imaging.mind.quality.QualityAssessor;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.Verdict;
import app.arv.imaging.mind.track.TrackingPointExtractor;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.Resampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles grey images into MindAR 1.2.5 image targets (.mind format v2), following the official compiler's
 * algorithm so the runtime matches and tracks them the same way. Keyframes and tracking images are compiled
 * as independent tasks on the given executor; the output does not depend on scheduling.
 *
 * <p>Do not pass an executor whose threads may themselves be blocked in {@link #compile}: the calling
 * thread waits for the tasks.
 */
public final class MindTargetCompiler {

    private static final ExecutorService DEFAULT_POOL = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), daemonThreads());

    private final Executor executor;
    private final QualityAssessor assessor = new QualityAssessor();

    /** Uses a shared pool of at most four daemon threads. */
    public MindTargetCompiler() {
        this(DEFAULT_POOL);
    }

    /** @param executor runs the per-keyframe tasks, e.g. the application server's managed executor */
    public MindTargetCompiler(Executor executor) {
        this.executor = executor;
    }

    /** One target; refused (with the reason) if the runtime could not use it. */
    public CompiledTarget compile(GreyImage image) throws RefusedImageException {
        CompiledTarget compiled = compileUnchecked(image);
        QualityReport quality = compiled.quality();
        if (quality.verdict() == Verdict.UNUSABLE) {
            throw new RefusedImageException("unusable target: " + String.join("; ", quality.reasons()));
        }
        return compiled;
    }

    /**
     * One target and its quality report, whatever the verdict (for analysis). The report is made without the
     * matching trees; they are built (on the executor, one task per keyframe) only when the caller asks for
     * {@link CompiledTarget#target}.
     */
    public CompiledTarget analyze(GreyImage image) {
        MindTarget withoutTrees = compileParts(image, false);
        return new CompiledTarget(() -> withTrees(withoutTrees), assessor.assess(withoutTrees));
    }

    /** A .mind file with one target per image, in input order. */
    public byte[] compileToMind(List<GreyImage> images) throws RefusedImageException {
        List<MindTarget> targets = new ArrayList<>();
        int index = 0;
        for (GreyImage image : images) {
            index++;
            try {
                targets.add(compile(image).target());
            } catch (RefusedImageException e) {
                throw new RefusedImageException(images.size() == 1 ? e.reason() : "image " + index + ": " + e.reason(), e);
            }
        }
        return new MindWriter().write(new MindFile(targets));
    }

    private CompiledTarget compileUnchecked(GreyImage image) {
        MindTarget target = compileParts(image, true);
        return new CompiledTarget(target, assessor.assess(target));
    }

    /**
     * The longest tasks are started first (the 256 px tracking image's point search, then the keyframes, largest
     * first) so that no long task starts last on a small pool; the results are joined in the format's order.
     *
     * @param trees with the matching trees (the runtime's); without, the keyframes' trees are null
     */
    private MindTarget compileParts(GreyImage image, boolean trees) {
        List<CompletableFuture<TrackingImage>> tracking = new ArrayList<>();
        for (double scale : ScalePlan.trackingScales(image.width(), image.height())) {
            tracking.add(CompletableFuture.supplyAsync(() -> trackingImage(image, scale), executor));
        }
        List<CompletableFuture<Keyframe>> keyframes = new ArrayList<>();
        for (double scale : ScalePlan.keyframeScales(image.width(), image.height())) {
            keyframes.add(CompletableFuture.supplyAsync(() -> keyframe(image, scale, trees), executor));
        }
        return new MindTarget(image.width(), image.height(), join(tracking), join(keyframes));
    }

    private static Keyframe keyframe(GreyImage image, double scale, boolean trees) {
        GreyImage scaled = Resampler.resize(image, scale);
        List<FeaturePoint> points = new FeatureDetector().detect(scaled);
        List<FeaturePoint> maxima = points.stream().filter(FeaturePoint::maxima).toList();
        List<FeaturePoint> minima = points.stream().filter(p -> !p.maxima()).toList();
        Keyframe k = new Keyframe(maxima, minima, null, null, scaled.width(), scaled.height(), scale);
        return trees ? withTrees(k) : k;
    }

    private static Keyframe withTrees(Keyframe k) {
        ClusterTreeBuilder trees = new ClusterTreeBuilder();
        return new Keyframe(k.maximaPoints(), k.minimaPoints(), trees.build(k.maximaPoints()), trees.build(k.minimaPoints()),
                k.width(), k.height(), k.scale());
    }

    private MindTarget withTrees(MindTarget t) {
        List<CompletableFuture<Keyframe>> keyframes = new ArrayList<>();
        for (Keyframe k : t.keyframes()) {
            keyframes.add(CompletableFuture.supplyAsync(() -> withTrees(k), executor));
        }
        return new MindTarget(t.width(), t.height(), t.trackingImages(), join(keyframes));
    }

    private static TrackingImage trackingImage(GreyImage image, double scale) {
        GreyImage scaled = Resampler.resize(image, scale);
        return new TrackingImage(scaled.pixels(), scale, scaled.width(), scaled.height(),
                new TrackingPointExtractor().extract(scaled));
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        for (CompletableFuture<T> f : futures) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return results;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mind-compiler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
