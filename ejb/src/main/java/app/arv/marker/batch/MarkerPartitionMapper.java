package app.arv.marker.batch;

import app.arv.marker.MarkerJobRestarts;
import app.arv.marker.MarkerRules;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Splits the claimed items round-robin over up to {@code arv.markers.partitions} partitions, which
 * the batch runtime runs on the server's threads. On the restart of a stopped or failed execution
 * the plan is not overridden: only unfinished partitions run again, each from its last checkpoint.
 * <p>
 * The restart of an execution whose node died is different: JBatch records a partitioned step's
 * partition count only when the step ends, so it has none for that step and a normal restart fails
 * (a NullPointerException in its partition check). The partitions are then planned anew over the
 * same claimed items; nothing finished is compiled again all the same, because the reader takes only
 * items still compiling (an item's result commits with its chunk, as its checkpoint would).
 */
@Named
@Dependent
public class MarkerPartitionMapper implements PartitionMapper {

    @Inject
    CompileJob job;

    @Inject
    MarkerRules rules;

    @Override
    public PartitionPlan mapPartitions() {
        List<UUID> claimed = job.claim();
        int count = Math.max(1, Math.min(rules.partitions(), claimed.size()));
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
        plan.setPartitionsOverride(previousExecutionDied());
        plan.setPartitionProperties(properties);
        return plan;
    }

    /** Whether this execution restarts one still recorded as running (its node died: nothing else restarts those). */
    private boolean previousExecutionDied() {
        JobOperator jobs = BatchRuntime.getJobOperator();
        return jobs.getJobExecutions(jobs.getJobInstance(job.executionId())).stream()
                .filter(e -> e.getExecutionId() < job.executionId())
                .max(Comparator.comparingLong(JobExecution::getExecutionId))
                .map(MarkerJobRestarts::running)
                .orElse(false);
    }
}
