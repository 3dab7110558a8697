package app.arv.generation;

import app.arv.media.MediaStore;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.Causes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Makes the model of one item: take it, read the source, run the provider, store the result. */
@ApplicationScoped
public class GenerationWorker {

    private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());

    @Inject
    GenerationSteps steps;

    @Inject
    ModelProviders providers;

    @Inject
    MediaStore files;

    @Inject
    MetricRegistry metrics;

    /**
     * @param message the id of the message that asks (null for one sent before messages had ids)
     * @return {@code false} when the attempt broke on the way (storage, network): the message should be
     *     delivered again. A refused image, a finished item or one another message took is {@code true}: nothing more to do.
     */
    public boolean process(UUID org, UUID itemId, UUID message) {
        Optional<GenerationSteps.Claim> taken = steps.claim(org, itemId, message);
        if (taken.isEmpty()) {
            return true;
        }
        GenerationSteps.Claim claim = taken.get();
        ModelProvider provider = providers.byName(claim.provider()).orElse(null);
        if (provider == null) {
            steps.fail(org, itemId, "The provider '" + claim.provider() + "' is not available on this server");
            return true;
        }
        long started = System.nanoTime();
        try {
            SourceImage image = read(claim.source());
            ProviderRequest request = ProviderRequest.of(claim.providerRequest(), accepted -> steps.recordProviderRequest(org, itemId, accepted));
            ModelResult result = provider.generate(image, claim.options(), (percent, stage) -> steps.progress(org, itemId, percent, stage),
                    request);
            steps.progress(org, itemId, 90, "storing");
            store(org, itemId, result, claim.source().getOriginalName());
            metrics.counter("arv_generation_millis_total").inc((System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (ModelRefusedException e) {
            steps.fail(org, itemId, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Generation of item " + itemId + " broke; the message will be delivered again", e);
            steps.noteAttemptFailure(org, itemId, Causes.message(e));
            return false;
        }
    }

    /** The files are written before the short transaction that records them, never while it holds the item's locks. */
    private void store(UUID org, UUID itemId, ModelResult result, String sourceName) {
        MediaStore.StagedFile model = files.stageBytes(org, result.glb(), ModelResult.GLB_MEDIA_TYPE,
                GenerationSteps.modelName(sourceName), null, null);
        MediaStore.StagedFile preview = null;
        try {
            if (result.preview() != null) {
                preview = files.stageBytes(org, result.preview(), result.previewMediaType(),
                        GenerationSteps.previewName(sourceName, result.previewMediaType()), null, null);
            }
        } catch (RuntimeException e) {
            files.discardNow(model);
            throw e;
        }
        try {
            steps.complete(org, itemId, model, preview);
        } catch (RuntimeException e) {
            // complete's transaction failed, possibly before it took the files (a lock timeout, the database
            // away): nothing else would remove them, and the redelivery stages new copies. Deleting twice is harmless.
            files.discardNow(model, preview);
            throw e;
        }
    }

    private SourceImage read(MediaResource source) {
        try {
            return new SourceImage(files.readAll(source), source.getMediaType(), source.getOriginalName());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the source image: " + e.getMessage(), e);
        }
    }
}
