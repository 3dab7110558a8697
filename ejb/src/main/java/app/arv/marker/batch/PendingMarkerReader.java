package app.arv.marker.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Reads one partition's items that are still compiling, in id order, after the checkpoint. Items a
 * previous execution finished are READY or FAILED and so never read again, checkpoint or not.
 */
@Named
@Dependent
public class PendingMarkerReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = "organizationId")
    String organizationId;

    @Inject
    @BatchProperty(name = "ids")
    String ids;

    @Inject
    MarkerQueue queue;

    private Iterator<UUID> pending;
    private UUID last;

    @Override
    public void open(Serializable checkpoint) {
        List<UUID> mine = ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        UUID after = checkpoint == null ? null : UUID.fromString((String) checkpoint);
        List<UUID> remaining = queue.stillCompiling(UUID.fromString(organizationId), job.getInstanceId(), mine).stream()
                .filter(id -> after == null || id.compareTo(after) > 0)
                .toList();
        pending = remaining.iterator();
    }

    @Override
    public Object readItem() {
        if (!pending.hasNext()) {
            return null;
        }
        last = pending.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last == null ? null : last.toString();
    }
}
