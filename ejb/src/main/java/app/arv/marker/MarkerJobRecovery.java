package app.arv.marker;

import app.arv.persistence.marker.CompilingJob;
import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps marker compilation going when a node dies or a request is lost. Every few seconds, on each node, over the
 * job instances that still have items compiling (read from the database, however many newer instances ran since):
 * <ul>
 * <li>a compile job whose last execution FAILED with items left is restarted (also one that met its organization's store
 *     away: that fails the job, not the item, see {@link app.arv.marker.batch.StorageAway});</li>
 * <li>a compile job still recorded as STARTED by a node that is dead (killed, crashed, partitioned) is
 *     restarted the same way: the batch runtime never learns that such an execution ended, so nobody
 *     else would ever finish it;</li>
 * <li>items pending for longer than {@code arv.markers.request-grace} (a lost compile request) are requested again.</li>
 * </ul>
 * A restart ({@link JobOperator#restart}) runs the same job instance again: the partition mapper hands
 * it the items it claimed the first time, each partition resumes after its last checkpoint (or, after a
 * dead node, reads what is still compiling: see {@link app.arv.marker.batch.MarkerPartitionMapper}), so
 * an item finished before the failure is never compiled again. After {@value #MAX_EXECUTIONS} executions a job is
 * given up instead: its unfinished items fail, with a reason their owners see ({@link AbandonedCompilations}). An
 * execution that failed because the organization's store was away spends none of them ({@link MarkerOutages}): the job is
 * restarted every round, however many executions it has had, until the outage has lasted
 * {@code arv.markers.outage-patience}; then its unfinished items fail with a reason naming the outage. A
 * STOPPED execution is left alone: only
 * an operator stops a job, and only an operator restarts it. An ABANDONED one is never restarted by anyone
 * ({@link BatchJobs#abandon}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MarkerJobRecovery {

    private static final Logger LOG = Logger.getLogger(MarkerJobRecovery.class.getName());
    /** Executions per instance after which it is not restarted again, so a job failing (or killing its node) for good does not loop forever. */
    static final int MAX_EXECUTIONS = 5;
    /** How many of the newest instances are searched for one whose claiming execution is not recorded (claimed before V39). */
    private static final int RECENT_INSTANCES = 50;

    @Resource
    TimerService timers;

    @Inject
    MarkerNode node;

    @Inject
    MarkerRecoveryWork work;

    @Inject
    MarkerJobRestarts restarts;

    @Inject
    AbandonedCompilations abandonedCompilations;

    @Inject
    MarkerRules rules;

    @Inject
    MarkerOutages outages;

    /** The batch runtime's operator; replaced in tests. */
    Supplier<JobOperator> operator = BatchRuntime::getJobOperator;

    @PostConstruct
    void schedule() {
        rules.check();
        NodeTimers.every(timers, rules.recoveryInterval(), "marker-job-recovery");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        // Each concern on its own: Redis away must not keep a failed job from its restart, nor the broker away the
        // restart of a dead node's job, nor one job's trouble the others' recovery.
        try {
            node.stillAlive();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "This node could not renew its proof of life (Redis away?)", e);
        }
        try {
            work.requestLongPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Long-pending compile requests not sent again this round", e);
        }
        List<CompilingJob> compiling;
        try {
            compiling = work.compilingJobs();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Marker job recovery round failed (the database away?)", e);
            return;
        }
        JobOperator jobs = operator.get();
        List<JobInstance> recent = new ArrayList<>();
        for (CompilingJob job : compiling) {
            try {
                instanceOf(jobs, job, recent).ifPresent(instance -> recover(jobs, instance));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Compile job instance " + job.instance() + " not recovered this round", e);
            }
        }
    }

    /**
     * The job instance, found through the execution that claimed its items. One claimed before that was recorded is
     * looked for among the newest instances ({@code recent}, read once a round when first needed).
     */
    private static Optional<JobInstance> instanceOf(JobOperator jobs, CompilingJob job, List<JobInstance> recent) {
        if (job.execution() != null) {
            return Optional.of(jobs.getJobInstance(job.execution()));
        }
        if (recent.isEmpty()) {
            recent.addAll(MarkerJobRestarts.latestInstances(jobs, RECENT_INSTANCES));
        }
        return recent.stream().filter(instance -> instance.getInstanceId() == job.instance()).findFirst();
    }

    void recover(JobOperator jobs, JobInstance instance) {
        List<JobExecution> executions = MarkerJobRestarts.executionsOf(jobs, instance);
        JobExecution last = MarkerJobRestarts.newestOf(executions).orElse(null);
        if (last == null || last.getBatchStatus() == BatchStatus.ABANDONED) {
            return;
        }
        long id = instance.getInstanceId();
        boolean failedWithWorkLeft = last.getBatchStatus() == BatchStatus.FAILED && work.hasUnfinished(id);
        // A STOPPING one was being stopped by an operator when its node died: theirs to restart.
        boolean abandoned = last.getBatchStatus() != BatchStatus.STOPPING && restarts.abandoned(id, last);
        if (!failedWithWorkLeft && !abandoned) {
            return;
        }
        Optional<MarkerOutages.Outage> outage = failedWithWorkLeft ? outages.failed(id, last) : Optional.empty();
        if (outage.isPresent() && outage.get().outlasted(rules.outagePatience(), Instant.now())) {
            int failed = abandonedCompilations.fail(id, AbandonedCompilations.outlasted(outage.get(), rules.outagePatience()));
            LOG.warning("Gave up " + CompileRequestListener.JOB + " instance " + id + " after its store was away for longer than "
                    + rules.outagePatience() + " (since " + outage.get().since() + "): " + failed + " unfinished portraits failed");
            return;
        }
        if (outage.isEmpty() && executions.size() - outages.spared(id) >= MAX_EXECUTIONS) {
            // No execution will run again: the items it holds must not stay "compiling" for good, out of their owners'
            // reach (regenerating a compiling marker is refused).
            int failed = abandonedCompilations.fail(id, AbandonedCompilations.GAVE_UP);
            if (failed > 0) {
                LOG.warning("Gave up " + CompileRequestListener.JOB + " instance " + id + " after " + executions.size()
                        + " executions (the last " + last.getBatchStatus() + "): " + failed + " unfinished portraits failed");
            }
            return;
        }
        try {
            OptionalLong restarted = restarts.restart(last);
            if (restarted.isPresent() && outage.isPresent()) {
                outages.spare(id);
            }
            restarted.ifPresent(execution -> LOG.info("Restarted " + CompileRequestListener.JOB + " execution "
                    + last.getExecutionId() + " (" + last.getBatchStatus() + (outage.isPresent()
                            ? ", its store away"
                            : failedWithWorkLeft ? "" : ", its node is dead")
                    + ") as " + execution));
        } catch (JobExecutionNotMostRecentException | JobExecutionAlreadyCompleteException | JobRestartException e) {
            // Another node restarted it between our look and our claim (or the runtime refused): the next round looks again.
            LOG.log(Level.FINE, "Execution " + last.getExecutionId() + " not restarted", e);
        }
    }
}
