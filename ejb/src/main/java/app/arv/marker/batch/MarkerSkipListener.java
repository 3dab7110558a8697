package app.arv.marker.batch;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An item whose compilation threw (a file the compiler cannot read) is skipped by the step's skip policy; here it is
 * marked FAILED with the reason, so it does not stay "compiling". A portrait the store lost never gets here: the
 * reader's {@link PortraitGone} becomes a failed outcome of its own, without marking the chunk's transaction.
 */
@Named
@Dependent
public class MarkerSkipListener implements SkipProcessListener {

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
}
