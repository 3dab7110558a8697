package app.arv.marker.batch;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An item whose compilation threw (a file the compiler cannot read), or whose outcome the writer could not store (the
 * organization's store refused the connection's settings: 502 {@code storage_misconfigured}), is skipped by the step's
 * skip policy; here it is marked FAILED with the reason, so it
 * does not stay "compiling" in a job that completes (nothing would pick it up again). Compiling it again retries it, as
 * for any failed marker. The batch runtime calls the listener in the chunk's transaction, before it commits with the
 * checkpoint: the store's refusal leaves that transaction alone (the file is written outside it), so the failure
 * commits with the checkpoint. A database failure while recording marks the transaction for rollback: then this fails
 * too, the chunk's commit fails, and the step fails for the recovery timer's restart, which compiles the item again. A
 * portrait the store lost never gets here: the reader's {@link PortraitGone} becomes a failed outcome of its own,
 * without marking the chunk's transaction. Nor does a store that is away for now ({@link StorageAway}, not skippable): the
 * item is retried once it is back, not failed.
 */
@Named
@Dependent
public class MarkerSkipListener implements SkipProcessListener, SkipWriteListener {

    private static final Logger LOG = Logger.getLogger(MarkerSkipListener.class.getName());

    @Inject
    CompileJob job;

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        UUID contentId = (UUID) item;
        LOG.log(Level.WARNING, "Marker compilation of " + contentId + " failed", e);
        String reason = "compilation failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        job.record(CompileOutcome.failed(contentId, reason, null, null, null));
    }

    @Override
    public void onSkipWriteItem(List<Object> items, Exception e) {
        for (Object item : items) {
            CompileOutcome outcome = (CompileOutcome) item;
            LOG.log(Level.WARNING, "The marker outcome of " + outcome.contentId() + " could not be stored", e);
            String reason = outcome.isReady()
                    ? "the compiled marker could not be stored: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    : outcome.failure();
            job.record(CompileOutcome.failed(outcome.contentId(), reason, outcome.score(), outcome.verdict(), outcome.qualityJson()));
        }
    }
}
