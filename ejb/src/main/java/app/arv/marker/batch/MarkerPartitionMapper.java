package app.arv.marker.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Splits the claimed items round-robin over up to {@code arv.markers.partitions} partitions, which
 * the batch runtime runs on the server's threads. Not overriding on restart: a restarted execution
 * reruns only unfinished partitions, each from its last checkpoint.
 */
@Named
@Dependent
public class MarkerPartitionMapper implements PartitionMapper {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = "organizationId")
    String organizationId;

    @Inject
    @ConfigProperty(name = "arv.markers.partitions", defaultValue = "2")
    int partitions;

    @Inject
    MarkerQueue queue;

    @Override
    public PartitionPlan mapPartitions() {
        List<UUID> claimed = queue.claim(UUID.fromString(organizationId), job.getInstanceId());
        int count = Math.max(1, Math.min(partitions, claimed.size()));
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < claimed.size(); i++) {
            slices.get(i % count).add(claimed.get(i).toString());
        }
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("ids", slices.get(i).stream().collect(Collectors.joining(",")));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionsOverride(false);
        plan.setPartitionProperties(properties);
        return plan;
    }
}
