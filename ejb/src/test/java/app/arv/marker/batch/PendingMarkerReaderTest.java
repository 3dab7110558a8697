package app.arv.marker.batch;

import jakarta.batch.runtime.context.JobContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PendingMarkerReaderTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    // The claim order is PostgreSQL's (unsigned bytes): 1…, 7…, 9…, f… — Java's UUID.compareTo puts 9… and f… first.
    private static final UUID ONE = UUID.fromString("10000000-0000-0000-0000-000000000000");
    private static final UUID SEVEN = UUID.fromString("70000000-0000-0000-0000-000000000000");
    private static final UUID NINE = UUID.fromString("90000000-0000-0000-0000-000000000000");
    private static final UUID EFF = UUID.fromString("f0000000-0000-0000-0000-000000000000");

    @Test
    void aFirstExecutionReadsEveryItemStillCompilingInThePartitionsOrder() {
        PendingMarkerReader reader = reader(Set.of(ONE, SEVEN, NINE, EFF));

        reader.open(null);

        assertThat(readAll(reader)).containsExactly(ONE, SEVEN, NINE, EFF);
    }

    @Test
    void aRestartReadsFromItsCheckpointOnWhateverTheSignOfTheUuids() {
        // ONE and SEVEN were written before the checkpoint at SEVEN: no longer compiling.
        PendingMarkerReader reader = reader(Set.of(NINE, EFF));

        reader.open(SEVEN.toString());

        assertThat(readAll(reader)).containsExactly(NINE, EFF);
    }

    @Test
    void aRestartReadsTheCheckpointsItemAgainIfItIsStillCompiling() {
        PendingMarkerReader reader = reader(Set.of(SEVEN, NINE, EFF));

        reader.open(SEVEN.toString());

        assertThat(readAll(reader)).containsExactly(SEVEN, NINE, EFF);
    }

    @Test
    void theCheckpointIsTheLastItemRead() {
        PendingMarkerReader reader = reader(Set.of(ONE, SEVEN, NINE, EFF));
        reader.open(null);

        reader.readItem();
        reader.readItem();

        assertThat(reader.checkpointInfo()).isEqualTo(SEVEN.toString());
    }

    private static PendingMarkerReader reader(Set<UUID> stillCompiling) {
        PendingMarkerReader reader = new PendingMarkerReader();
        reader.ids = List.of(ONE, SEVEN, NINE, EFF).stream().map(UUID::toString).collect(Collectors.joining(","));
        reader.job = new CompileJob();
        reader.job.organizationId = ORGANIZATION.toString();
        reader.job.context = (JobContext) Proxy.newProxyInstance(JobContext.class.getClassLoader(), new Class<?>[]{JobContext.class},
                (proxy, method, args) -> method.getName().equals("getInstanceId") ? 42L : null);
        reader.job.queue = new MarkerQueue() {
            @Override
            public List<UUID> stillCompiling(UUID organizationId, long jobInstance, List<UUID> ids) {
                assertThat(organizationId).isEqualTo(ORGANIZATION);
                assertThat(jobInstance).isEqualTo(42L);
                // PostgreSQL's order, like the repository's query.
                return ids.stream().filter(stillCompiling::contains).toList();
            }
        };
        return reader;
    }

    private static List<UUID> readAll(PendingMarkerReader reader) {
        List<UUID> read = new ArrayList<>();
        for (Object item = reader.readItem(); item != null; item = reader.readItem()) {
            read.add((UUID) item);
        }
        return read;
    }
}
