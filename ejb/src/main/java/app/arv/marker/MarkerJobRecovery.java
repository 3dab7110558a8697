package app.arv.marker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps marker compilation going when a node dies or a request is lost. Every few seconds, on each node:
 * <ul>
 * <li>a compile job whose last execution FAILED or STOPPED is restarted ({@link JobOperator#restart}):
 *     each partition resumes after its last checkpoint;</li>
 * <li>a job still recorded as STARTED whose node is dead cannot be restarted (the batch runtime only
 *     restarts stopped or failed executions), so its unfinished items go back to PENDING and a new job
 *     takes them; finished items keep their result and are never compiled again;</li>
 * <li>items pending for longer than {@code arv.markers.request-grace} (a lost compile request) are requested again.</li>
 * </ul>
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MarkerJobRecovery {

    private static final Logger LOG = Logger.getLogger(MarkerJobRecovery.class.getName());
    /** Failed executions restarted at most this often per instance, so a job failing for good does not loop forever. */
    private static final int MAX_EXECUTIONS = 5;
    private static final int RECENT_INSTANCES = 50;

    @Resource
    TimerService timers;

    @Inject
    MarkerNode node;

    @Inject
    MarkerRecoveryWork work;

    @Inject
    @ConfigProperty(name = "arv.markers.recovery-interval", defaultValue = "PT10S")
    Duration interval;

    @PostConstruct
    void schedule() {
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("marker-job-recovery", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        try {
            node.stillAlive();
            work.requestLongPending();
            JobOperator jobs = BatchRuntime.getJobOperator();
            // Newest first: the recent instances are the ones a dead node can have left behind, and each
            // costs a repository query every round, so older ones are not looked at again.
            for (JobInstance instance : jobs.getJobInstances(CompileRequestListener.JOB, 0, RECENT_INSTANCES)) {
                recover(jobs, instance);
            }
        } catch (NoSuchJobException e) {
            // No compile job has run yet on this installation.
        } catch (RuntimeException e) {
            // Redis or the database away: the next round tries again.
            LOG.log(Level.WARNING, "Marker job recovery round failed", e);
        }
    }

    private void recover(JobOperator jobs, JobInstance instance) {
        List<JobExecution> executions = jobs.getJobExecutions(instance);
        JobExecution last = executions.stream().max(Comparator.comparingLong(JobExecution::getExecutionId)).orElse(null);
        if (last == null) {
            return;
        }
        BatchStatus status = last.getBatchStatus();
        if ((status == BatchStatus.FAILED || status == BatchStatus.STOPPED) && executions.size() < MAX_EXECUTIONS
                && work.hasUnfinished(instance.getInstanceId())) {
            long restarted = jobs.restart(last.getExecutionId(), last.getJobParameters());
            LOG.info("Restarted " + CompileRequestListener.JOB + " execution " + last.getExecutionId() + " as " + restarted);
        } else if ((status == BatchStatus.STARTED || status == BatchStatus.STARTING)
                && olderThan(last, Duration.ofSeconds(MarkerNode.ALIVE_SECONDS))
                && node.ownerIsDead(instance.getInstanceId())) {
            int handedBack = work.handBack(instance.getInstanceId());
            if (handedBack > 0) {
                LOG.info("Execution " + last.getExecutionId() + " was left STARTED by a dead node; " + handedBack
                        + " unfinished markers handed to a new job");
            }
        }
    }

    private static boolean olderThan(JobExecution execution, Duration age) {
        java.util.Date created = execution.getCreateTime();
        return created != null && created.toInstant().isBefore(Instant.now().minus(age));
    }
}
