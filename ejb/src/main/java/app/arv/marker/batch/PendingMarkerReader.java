package app.arv.marker.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one partition's items that are still compiling, in the partition's order, from the checkpoint's
 * item on. Items a previous execution finished are READY or FAILED and so never read again, checkpoint or not.
 */
@Named
@Dependent
public class PendingMarkerReader extends AbstractItemReader {

    @Inject
    CompileJob job;

    @Inject
    @BatchProperty(name = "ids")
    String ids;

    private Iterator<UUID> pending;
    private UUID last;

    @Override
    public void open(Serializable checkpoint) {
        List<UUID> mine = ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        // Positions in the partition's own list, not UUID.compareTo: Java orders UUIDs as signed numbers,
        // PostgreSQL (and so the claim order) as unsigned bytes, and comparing them skipped items on restart.
        // The checkpoint's own item is kept: written, it is no longer compiling; if a runtime ever checkpoints
        // an item it did not write, it is read again rather than lost.
        int from = checkpoint == null ? 0 : Math.max(0, mine.indexOf(UUID.fromString((String) checkpoint)));
        Set<UUID> compiling = new HashSet<>(job.stillCompiling(mine));
        pending = mine.subList(from, mine.size()).stream().filter(compiling::contains).iterator();
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
