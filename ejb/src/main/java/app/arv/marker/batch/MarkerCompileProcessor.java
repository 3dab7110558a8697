package app.arv.marker.batch;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.CompiledTarget;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.Verdict;
import app.arv.imaging.raster.GreyImage;
import app.arv.marker.QualityJson;
import app.arv.media.ImageDecoding;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Compiles one portrait with ARV's MindAR compiler. An image the runtime could not use (verdict
 * {@code unusable}) or cannot even load, or a portrait that is gone for good ({@link PortraitGone}), becomes a FAILED
 * outcome with the reason, not an exception: that is a verdict about the item, and the batch goes on.
 */
@Named
@Dependent
public class MarkerCompileProcessor implements ItemProcessor {

    @Inject
    CompileJob job;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImageDecoding decoding;

    @Override
    public Object processItem(Object item) {
        UUID contentId = (UUID) item;
        Optional<byte[]> image;
        try {
            image = job.sourceImage(contentId);
        } catch (PortraitGone e) {
            return CompileOutcome.failed(contentId, "cannot compile: " + e.getMessage(), null, null, null);
        }
        if (image.isEmpty()) {
            return null;
        }
        return compile(contentId, image.get(), job.markerForced(contentId));
    }

    CompileOutcome compile(UUID contentId, byte[] bytes) {
        return compile(contentId, bytes, false);
    }

    /** @param forced build the marker even when rated {@code unusable} (the caller accepted the risk) */
    CompileOutcome compile(UUID contentId, byte[] bytes, boolean forced) {
        GreyImage grey;
        try {
            // Background work: waits for a decode slot rather than failing the item.
            grey = new ImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoding.forBackground()).load(bytes);
        } catch (RefusedImageException e) {
            return CompileOutcome.failed(contentId, e.reason(), null, null, null);
        }
        CompiledTarget compiled = new MindTargetCompiler(executor).analyze(grey);
        QualityReport quality = compiled.quality();
        String json = QualityJson.of(quality).toString();
        if (quality.verdict() == Verdict.UNUSABLE && !forced) {
            return CompileOutcome.failed(contentId, "unusable target: " + String.join("; ", quality.reasons())
                    + " (to build it anyway, replace the image or regenerate with force=true)",
                    quality.score(), quality.verdict().label(), json);
        }
        byte[] mind = new MindWriter().write(new MindFile(List.of(compiled.target())));
        return CompileOutcome.ready(contentId, mind, quality.width(), quality.height(), quality.score(),
                quality.verdict().label(), json);
    }
}
