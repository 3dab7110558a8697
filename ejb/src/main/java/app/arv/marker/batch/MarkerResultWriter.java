package app.arv.marker.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Stores each outcome in the chunk's transaction: the checkpoint and the item's new status commit together. */
@Named
@Dependent
public class MarkerResultWriter extends AbstractItemWriter {

    @Inject
    CompileJob job;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            job.record((CompileOutcome) item);
        }
    }
}
