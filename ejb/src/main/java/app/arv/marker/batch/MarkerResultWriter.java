package app.arv.marker.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.UUID;

/** Stores each outcome in the chunk's transaction: the checkpoint and the item's new status commit together. */
@Named
@Dependent
public class MarkerResultWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = "organizationId")
    String organizationId;

    @Inject
    MarkerQueue queue;

    @Override
    public void writeItems(List<Object> items) {
        UUID org = UUID.fromString(organizationId);
        for (Object item : items) {
            queue.record(org, job.getInstanceId(), (CompileOutcome) item);
        }
    }
}
