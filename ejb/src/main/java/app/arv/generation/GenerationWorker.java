package app.arv.generation;

import app.arv.media.MediaStore;
import app.arv.persistence.media.MediaResource;
import app.arv.platform.ApplicationMetric;
import app.arv.shared.Causes;
import app.arv.shared.DatabaseOutage;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the model of one item: take it, read the source, run the provider, store the result. Outside the message's
 * transaction, which only decides redelivery ({@link GenerationListener}), and outside any other: finding where an
 * object lives reads the database, and inside that transaction the pooled connection it took would stay held, idle in
 * transaction, for as long as the store takes to send the source (an organization's own endpoint may trickle), the
 * provider to make the model and the store to take it. Each state change commits on its own ({@link GenerationSteps}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GenerationWorker {

    private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());
    private static final int STACK_FRAMES_LOGGED = 40;
    /** What an item whose attempt ran out of heap keeps, and fails with should every delivery of its message run out. */
    static final String OUT_OF_MEMORY = "The server ran out of memory while making the model";
    static final String STORAGE = "storage";
    static final String DATABASE = "database";

    @Inject
    GenerationSteps steps;

    @Inject
    ModelProviders providers;

    @Inject
    MediaStore files;

    @Inject
    MetricRegistry metrics;

    /**
     * How one delivery's attempt ended.
     *
     * @param acknowledged whether the message is done with; {@code false}: the broker delivers it again, with back-off
     * @param outage what of ARV's own was away and stopped the attempt (its attempt not counted): "storage", "database";
     *     null when nothing was. The message then waits the outage out ({@link GenerationListener})
     * @param reason what the outage said, or null
     * @param pastFirstSteps whether the attempt an outage stopped had got past taking the item and reading its source (its
     *     provider was called): the dependency answered this attempt, so its outage is not necessarily the one an
     *     earlier attempt met ({@link GenerationListener#outageBegan})
     */
    public record Attempt(boolean acknowledged, String outage, String reason, boolean pastFirstSteps) {

        static final Attempt DONE = new Attempt(true, null, null, false);
        static final Attempt AGAIN = new Attempt(false, null, null, false);

        static Attempt stoppedBy(String outage, String reason) {
            return new Attempt(false, outage, reason, false);
        }

        /** This stopped attempt, as one that had got past its first steps. */
        Attempt asPastFirstSteps() {
            return new Attempt(acknowledged, outage, reason, true);
        }
    }

    /**
     * @param message the id of the message that asks (null for one sent before messages had ids)
     * @return {@link Attempt#AGAIN} when the attempt broke on the way (a provider's network, a read broken off, the heap
     *     short): the message should be delivered again. {@link Attempt#stoppedBy} when a dependency of ARV's own was away
     *     (the object store, the database): nothing was wrong with the item, whose attempt is not counted. A refused image,
     *     an internal error (any other {@link Error}: another delivery would meet it again), a finished item or one another
     *     message took is {@link Attempt#DONE}: nothing more to do.
     */
    public Attempt process(UUID org, UUID itemId, UUID message) {
        Optional<GenerationSteps.Claim> taken;
        try {
            taken = steps.claim(org, itemId, message);
        } catch (RuntimeException e) {
            Error inside = Causes.find(e, Error.class).orElse(null);
            if (inside != null) {
                return ended(org, itemId, inside);
            }
            // Not taken, so nothing counted and nothing to note on the item: the database was away (or a fault that
            // escapes, as it always did).
            Attempt stopped = outageIn(e).orElseThrow(() -> e);
            LOG.warning(() -> "Generation item " + itemId + " could not be taken: the " + stopped.outage() + " is unavailable ("
                    + stopped.reason() + "); its message waits for it");
            return stopped;
        }
        if (taken.isEmpty()) {
            return Attempt.DONE;
        }
        GenerationSteps.Claim claim = taken.get();
        ModelProvider provider = providers.byName(claim.provider()).orElse(null);
        if (provider == null) {
            steps.fail(org, itemId, "The provider '" + claim.provider() + "' is not available on this server");
            return Attempt.DONE;
        }
        long started = System.nanoTime();
        boolean pastFirstSteps = false;
        try {
            SourceImage image = read(claim.source());
            pastFirstSteps = true;
            ProviderRequest request = ProviderRequest.of(claim.providerRequest(), accepted -> steps.recordProviderRequest(org, itemId, accepted));
            try (ModelResult result = provider.generate(image, claim.options(),
                    (percent, stage) -> steps.progress(org, itemId, percent, stage), request)) {
                steps.progress(org, itemId, 90, "storing");
                store(org, itemId, result, claim.source().getOriginalName());
            }
            ApplicationMetric.GENERATION_MILLIS.counter(metrics).inc((System.nanoTime() - started) / 1_000_000);
            return Attempt.DONE;
        } catch (ModelRefusedException e) {
            // An item no longer wanted was settled by whoever decided so (a cancel; the reaper, and perhaps a retry since,
            // which queued it again for another message): failing it here would fail that retry.
            if (!e.isNoLongerWanted()) {
                steps.fail(org, itemId, e.getMessage());
            }
            return Attempt.DONE;
        } catch (RuntimeException e) {
            // An Error thrown inside one of the container's steps (GenerationSteps, an EJB) reaches this thread wrapped
            // in the container's EJBException: it is the same fault as one thrown here, and is handled the same way.
            Error inside = Causes.find(e, Error.class).orElse(null);
            if (inside != null) {
                return ended(org, itemId, inside);
            }
            Optional<Attempt> stopped = outageIn(e);
            if (stopped.isPresent()) {
                return waiting(org, itemId, message, pastFirstSteps ? stopped.get().asPastFirstSteps() : stopped.get());
            }
            LOG.log(Level.WARNING, "Generation of item " + itemId + " broke; the message will be delivered again", e);
            steps.noteAttemptFailure(org, itemId, Causes.message(e));
            return Attempt.AGAIN;
        } catch (Error e) {
            return ended(org, itemId, e);
        }
    }

    /**
     * The attempt a failure stopped, when it says a dependency of ARV's own was away: the object store (503
     * {@code storage_unavailable}, which the media layer makes of a store that refuses, breaks off or does not answer in
     * time) or the database (out of reach, or no connection free); empty for any other failure.
     */
    static Optional<Attempt> outageIn(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            return Optional.of(Attempt.stoppedBy(DATABASE, Causes.message(Causes.root(e))));
        }
        return Causes.find(e, DomainException.class).filter(d -> DomainException.STORAGE_UNAVAILABLE.equals(d.code()))
                .map(d -> Attempt.stoppedBy(STORAGE, Causes.message(d)));
    }

    /** An attempt an outage stopped: not counted, its reason shown on the item while it waits (when the database lets it be noted). */
    private Attempt waiting(UUID org, UUID itemId, UUID message, Attempt stopped) {
        LOG.warning(() -> "Generation of item " + itemId + " stopped: the " + stopped.outage() + " is unavailable ("
                + stopped.reason() + "); its message waits for it");
        try {
            steps.attemptStoppedByOutage(org, itemId, message, "Waiting for the " + stopped.outage() + " to be available again: " + stopped.reason(),
                    stopped.pastFirstSteps());
        } catch (RuntimeException noted) {
            // The database is away (still, or now): this attempt stays counted, and the item shows its last reason.
            LOG.warning(() -> "The outage could not be noted on generation item " + itemId + ": " + Causes.message(Causes.root(noted)));
        }
        return stopped;
    }

    /** What an attempt that broke with an {@link Error} (thrown here or in a container step) comes to; see {@link #process}. */
    private Attempt ended(UUID org, UUID itemId, Error e) {
        if (e instanceof OutOfMemoryError) {
            // The heap was short while this attempt ran, most likely because of the node's other work at the time (the
            // decodes are bounded per image): what it allocated is garbage once it unwinds, so a later delivery, with
            // back-off, may well succeed; a paid request already accepted is resumed, not paid again. Should every
            // delivery run out, the broker's dead letter fails the item with this reason.
            LOG.log(Level.SEVERE, "Generation of item " + itemId + " ran out of memory; the message will be delivered again", e);
            steps.noteAttemptFailure(org, itemId, OUT_OF_MEMORY);
            return Attempt.AGAIN;
        }
        // A fault of the code or the deployment (a stack overflow on this image, a class missing, a library's
        // assertion): every delivery would meet it again, redoing the model's work (the local generator's, or a
        // paid provider's request) each time. Escaping the MDB, it would also cost the listener instance and leave
        // the item without a reason. The item fails, the message is acknowledged, and the operators hear of it.
        LOG.log(Level.SEVERE, "Generation of item " + itemId + " failed with an internal error; it is not tried again",
                e instanceof StackOverflowError overflow ? topOf(overflow) : e);
        steps.fail(org, itemId, internalError(e));
        return Attempt.DONE;
    }

    /** The reason a client reads: the kind of fault, not its message (which may name the server's classes and files). */
    static String internalError(Error e) {
        return "An internal error (" + e.getClass().getSimpleName() + ") stopped the model; it was not tried again."
                + " Retry the item once the cause is fixed";
    }

    /** A stack overflow's trace is a thousand copies of the recursion: its first frames name it. */
    private static Throwable topOf(StackOverflowError e) {
        StackOverflowError top = new StackOverflowError(e.getMessage());
        top.setStackTrace(Arrays.copyOf(e.getStackTrace(), Math.min(e.getStackTrace().length, STACK_FRAMES_LOGGED)));
        return top;
    }

    /** The files are written before the short transaction that records them, never while it holds the item's locks. */
    private void store(UUID org, UUID itemId, ModelResult result, String sourceName) {
        String modelName = ModelFileName.of(sourceName).glb();
        MediaStore.StagedFile model = result.glbFile() != null
                ? files.stageFile(org, result.glbFile(), ModelResult.GLB_MEDIA_TYPE, modelName)
                : files.stageBytes(org, result.glb(), ModelResult.GLB_MEDIA_TYPE, modelName, null, null);
        MediaStore.StagedFile preview = null;
        try {
            if (result.preview() != null) {
                preview = files.stageBytes(org, result.preview(), result.previewMediaType(),
                        ModelFileName.of(sourceName).preview(result.previewMediaType()), null, null);
            }
        } catch (RuntimeException | Error e) {
            // No recording was attempted: the model is nothing's.
            files.discardNow(model);
            throw e;
        }
        try {
            steps.complete(org, itemId, model, preview);
        } catch (RuntimeException | Error e) {
            // complete may have failed before it took the files (a lock timeout, the database away): nothing else would
            // remove them soon, and the redelivery stages new copies. Or its failure came after its commit (in doubt, a
            // heuristic outcome, the container's exception after completion): the item names them, they must stay.
            files.discardUnrecorded(model, preview);
            throw e;
        }
    }

    /**
     * The source's bytes. A read that fails asks the store whether it still has the object, as the marker compiler does
     * ({@code MarkerQueue.sourceImage}): an object the store lost is the item's own failure (delivered again with
     * back-off, then failed), while a store that is away (it cannot say either) is an outage the item waits out.
     */
    private SourceImage read(MediaResource source) {
        try {
            return new SourceImage(files.readAll(source), source.getMediaType(), source.getOriginalName());
        } catch (IOException | DomainException e) {
            if (!files.stillStored(source)) {
                // Not chained: the store's refusal under it would read as an outage.
                throw new IllegalStateException("The storage no longer has the source image (media " + source.getId() + "): "
                        + Causes.message(e));
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not read the source image: " + io.getMessage(), io);
            }
            throw (DomainException) e;
        }
    }
}
