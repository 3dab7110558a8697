package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobInstanceException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.SetParams;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Restarts a compile job's execution from its checkpoints, once across the cluster. Every node runs
 * the recovery timer and operators can restart by hand, so whoever restarts an execution first
 * claims it in Redis; the others leave it alone instead of racing the batch runtime, which would
 * run the same instance twice or answer "not the most recent execution".
 */
@ApplicationScoped
public class MarkerJobRestarts {

    /**
     * JBeret (WildFly) restarts an execution still recorded as STARTED only in {@code force} mode
     * ({@code org.jberet.spi.PropertyKey.RESTART_MODE}); JBatch (Payara) restarts it anyway and
     * ignores the parameter. ARV decides itself that the execution is dead (its node is gone).
     */
    static final String JBERET_RESTART_MODE = "jberet.restart.mode";

    /** Long enough for one restart call; if the claiming node dies meanwhile, another one may try after it. */
    private static final long CLAIM_SECONDS = 60;

    @Inject
    MarkerNode node;

    @Inject
    RedisConnection redis;

    /** The batch runtime's operator; replaced in tests. */
    Supplier<JobOperator> operator = BatchRuntime::getJobOperator;

    /** Whether the execution is still recorded as running (or stopping) although the node that ran it is gone. */
    public boolean abandoned(long jobInstance, JobExecution execution) {
        // A young execution may not have named its node yet (its partition mapper does): not judged before then.
        return running(execution)
                && createdBefore(execution, Instant.now().minus(node.aliveFor()))
                && node.ownerIsDead(jobInstance, execution.getExecutionId());
    }

    /** Recorded as running: JBatch never learns that an execution of a killed node ended. */
    public static boolean running(JobExecution execution) {
        BatchStatus status = execution.getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    /**
     * Restarts the execution (same job instance, same job parameters); finished items stay finished.
     *
     * @return the new execution's id, or empty when another node or operator is already restarting it
     */
    public OptionalLong restart(JobExecution execution) {
        String claim = claimKey(execution);
        if (!claim(execution)) {
            return OptionalLong.empty();
        }
        Properties parameters = new Properties();
        if (execution.getJobParameters() != null) {
            parameters.putAll(execution.getJobParameters());
        }
        parameters.setProperty(JBERET_RESTART_MODE, "force");
        try {
            return OptionalLong.of(operator.get().restart(execution.getExecutionId(), parameters));
        } catch (RuntimeException e) {
            // Refused or failed: no restart happened, so the next attempt must not find it claimed.
            redis.client().del(claim);
            throw e;
        }
    }

    /**
     * Claims the execution for this node for a while, as a restart does: whoever else tries to restart it meanwhile
     * (a recovery round, an operator) leaves it alone.
     *
     * @return false when another node or operator holds the claim
     */
    public boolean claim(JobExecution execution) {
        return "OK".equals(redis.client().set(claimKey(execution), node.id(), SetParams.setParams().nx().ex(CLAIM_SECONDS)));
    }

    private static String claimKey(JobExecution execution) {
        return RedisKeys.MARKER_RESTARTS.key(execution.getExecutionId());
    }

    /**
     * The newest compile-job instances, newest first. JBatch (Payara's) lists the instance ids, then reads each instance: one created at that very moment reads as null
     * and the call fails with a NullPointerException (seen in a full test run, 11 ms before a compile job started).
     * Asked again a moment later, the instance is whole.
     */
    public static List<JobInstance> latestInstances(JobOperator jobs, int limit) {
        return latestInstances(jobs, 0, limit);
    }

    /** The same, skipping the {@code skip} newest first (a page further back); {@code skip} must lie below the instance count. */
    public static List<JobInstance> latestInstances(JobOperator jobs, int skip, int limit) {
        for (int attempt = 1;; attempt++) {
            try {
                return jobs.getJobInstances(CompileRequestListener.JOB, skip, limit);
            } catch (NullPointerException e) {
                if (attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The instance's executions; none for an instance created a moment ago (JBatch writes it before its
     * first execution and refuses to list it meanwhile).
     */
    public static List<JobExecution> executionsOf(JobOperator jobs, JobInstance instance) {
        try {
            return jobs.getJobExecutions(instance);
        } catch (NoSuchJobInstanceException e) {
            return List.of();
        }
    }

    /** The instance's newest execution (the highest id): the only one that may be restarted or abandoned. */
    public static Optional<JobExecution> newestOf(List<JobExecution> executions) {
        return executions.stream().max(Comparator.comparingLong(JobExecution::getExecutionId));
    }

    /** Whether no execution of the instance came after this one (no restart has superseded it). */
    public static boolean isNewest(List<JobExecution> executions, long executionId) {
        return executions.stream().noneMatch(e -> e.getExecutionId() > executionId);
    }

    /** Whether the execution was created before {@code instant} (not when the repository has no creation time). */
    static boolean createdBefore(JobExecution execution, Instant instant) {
        Date created = execution.getCreateTime();
        return created != null && created.toInstant().isBefore(instant);
    }
}
