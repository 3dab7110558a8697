package app.arv.marker;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The platform operators' view of the compile jobs in the batch job repository: executions, steps, metrics; restart, stop, abandon. */
@ApplicationScoped
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    /**
     * {@code node}: the name of the node that last ran the instance, when Redis still knows it; {@code latest}: whether this is
     * its instance's newest execution, the only one that may be restarted or abandoned.
     */
    public record Execution(long instanceId, String node, JobExecution execution, boolean latest, List<StepExecution> steps) {
    }

    @Inject
    MarkerJobRestarts restarts;

    @Inject
    MarkerNode node;

    @Inject
    AbandonedCompilations abandonedCompilations;

    @Inject
    MarkerStops stops;

    /** The batch runtime's operator; replaced in tests. */
    Supplier<JobOperator> operator = BatchRuntime::getJobOperator;

    /**
     * A page of the compile jobs, newest first, with every execution of each (a restarted job has several), the executions
     * newest first. Paged by job instance, not by execution: JBatch counts and lists instances (ids from one query, the
     * total from a count), whereas a page of executions would mean reading every instance's executions to order them, and
     * what the listing costs is already a few repository queries per execution shown. {@code total} counts the instances.
     */
    public Page<Execution> recent(Caller caller, PageRequest page) {
        requireOperator(caller);
        JobOperator jobs = operator.get();
        int total = instanceCount(jobs);
        // JBatch fails on a start past its last instance (subList) rather than answering an empty list.
        if (page.offset() >= total) {
            return new Page<>(List.of(), total, page.limit(), page.offset());
        }
        List<Execution> out = new ArrayList<>();
        try {
            for (JobInstance instance : MarkerJobRestarts.latestInstances(jobs, page.offset(), page.limit())) {
                String node = ownerName(instance.getInstanceId());
                List<JobExecution> executions = MarkerJobRestarts.executionsOf(jobs, instance);
                for (JobExecution execution : executions) {
                    out.add(new Execution(instance.getInstanceId(), node, execution,
                            MarkerJobRestarts.isNewest(executions, execution.getExecutionId()), jobs.getStepExecutions(execution.getExecutionId())));
                }
            }
        } catch (NoSuchJobException e) {
            return new Page<>(List.of(), total, page.limit(), page.offset());
        }
        out.sort(Comparator.comparingLong((Execution e) -> e.execution().getExecutionId()).reversed());
        return new Page<>(out, total, page.limit(), page.offset());
    }

    /** How many compile-job instances the repository holds (JBatch answers none with NoSuchJobException). */
    private static int instanceCount(JobOperator jobs) {
        try {
            return jobs.getJobInstanceCount(CompileRequestListener.JOB);
        } catch (NoSuchJobException e) {
            return 0;
        }
    }

    private String ownerName(long instance) {
        try {
            return node.ownerName(instance);
        } catch (RuntimeException e) {
            // Redis away: the listing still shows the repository.
            return null;
        }
    }

    /**
     * Restarts a failed or stopped execution, or one left running by a dead node, as the recovery
     * timer does ({@link MarkerJobRestarts}). An execution whose node is alive is refused: restarting it would run the same
     * items twice at once (JBatch would allow it).
     */
    public long restart(Caller caller, long executionId) {
        requireOperator(caller);
        JobOperator jobs = operator.get();
        try {
            JobExecution execution = jobs.getJobExecution(executionId);
            JobInstance instance = jobs.getJobInstance(executionId);
            // Checked first: a dead node's execution that was restarted already still reads STARTED.
            requireLatest(jobs, instance, executionId, "job_not_restartable", "restarted");
            if (MarkerJobRestarts.running(execution) && !restarts.abandoned(instance.getInstanceId(), execution)) {
                throw DomainException.conflict("job_running", "Execution " + executionId + " is still running");
            }
            if (execution.getBatchStatus() == BatchStatus.ABANDONED) {
                throw DomainException.conflict("job_not_restartable", "Execution " + executionId + " was abandoned");
            }
            return restarts.restart(execution)
                    .orElseThrow(() -> DomainException.conflict("job_restarting", "Execution " + executionId + " is being restarted already"));
        } catch (NoSuchJobExecutionException e) {
            throw DomainException.notFound("Job execution");
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException | JobRestartException e) {
            throw DomainException.conflict("job_not_restartable", "Execution " + executionId + " cannot be restarted: " + e.getMessage());
        } catch (JobSecurityException e) {
            throw DomainException.forbidden(e.getMessage());
        }
    }

    /**
     * Stops a running execution after its current items, on whichever node runs it: the batch runtime stops only an
     * execution of its own process, so one that runs on another node is handed to that node ({@link MarkerStops}).
     * Refused (409 {@code job_not_running}) when the repository records it as ended; one recorded as running by a node
     * that is gone cannot be stopped by anyone (409 {@code job_node_gone}): the recovery timer restarts it, as
     * {@link #restart} may; 503 {@code node_unreachable} when its node cannot be told now.
     */
    public Stop stop(Caller caller, long executionId) {
        requireOperator(caller);
        JobOperator jobs = operator.get();
        try {
            JobExecution execution = jobs.getJobExecution(executionId);
            if (!MarkerJobRestarts.running(execution)) {
                throw notRunning(executionId, execution);
            }
            try {
                jobs.stop(executionId);
                LOG.info("Execution " + executionId + " stopping, asked by " + caller.name());
                return new Stop(executionId, node.name(), false);
            } catch (JobExecutionNotRunningException e) {
                // Not in this process: another node's, or one it ended meanwhile.
            }
            execution = jobs.getJobExecution(executionId);
            if (!MarkerJobRestarts.running(execution)) {
                throw notRunning(executionId, execution);
            }
            JobInstance instance = jobs.getJobInstance(executionId);
            if (!MarkerJobRestarts.isNewest(jobs.getJobExecutions(instance), executionId)) {
                // Only a dead node's execution stays recorded as running once its job ran again.
                throw DomainException.conflict("job_node_gone", "Execution " + executionId + " was left running by a node"
                        + " that is gone, and its job has run again since: nothing can stop it, nor needs to");
            }
            boolean young = !MarkerJobRestarts.createdBefore(execution, Instant.now().minus(node.aliveFor()));
            String owner = stops.handOver(instance.getInstanceId(), executionId, young);
            LOG.info("Execution " + executionId + " runs on " + owner + ": its stop, asked by " + caller.name() + ", handed over");
            return new Stop(executionId, owner, true);
        } catch (NoSuchJobExecutionException e) {
            throw DomainException.notFound("Job execution");
        }
    }

    /** An operator's stop: the node that stops the execution, and whether it was handed there from the node asked. */
    public record Stop(long executionId, String node, boolean handedOver) {
    }

    private static DomainException notRunning(long executionId, JobExecution execution) {
        return DomainException.conflict("job_not_running", "Execution " + executionId + " is not running: it is "
                + execution.getBatchStatus());
    }

    /**
     * Abandons a stopped or failed execution for good ({@link JobOperator#abandon}): neither the recovery timer nor an
     * operator can restart it afterwards, and the items it claimed but did not compile fail ({@link AbandonedCompilations}).
     * A running execution must be stopped first; a completed or already abandoned one, or one whose job has run again
     * since, has nothing left to abandon. (JBatch itself would abandon all of those but a STARTING or STARTED one.)
     *
     * @return how many claimed items failed
     */
    public int abandon(Caller caller, long executionId) {
        requireOperator(caller);
        JobOperator jobs = operator.get();
        try {
            JobExecution execution = jobs.getJobExecution(executionId);
            JobInstance instance = jobs.getJobInstance(executionId);
            if (MarkerJobRestarts.running(execution)) {
                throw DomainException.conflict("job_running", "Execution " + executionId + " is still "
                        + execution.getBatchStatus() + ": stop it first, then abandon it once it is STOPPED");
            }
            if (execution.getBatchStatus() != BatchStatus.STOPPED && execution.getBatchStatus() != BatchStatus.FAILED) {
                throw DomainException.conflict("job_not_abandonable", "Execution " + executionId + " is "
                        + execution.getBatchStatus() + "; only a STOPPED or FAILED execution can be abandoned");
            }
            requireLatest(jobs, instance, executionId, "job_not_abandonable", "abandoned");
            // The restart claim, kept: a recovery round that looked before this call cannot restart it after.
            if (!restarts.claim(execution)) {
                throw DomainException.conflict("job_restarting", "Execution " + executionId + " is being restarted");
            }
            jobs.abandon(executionId);
            int failed = abandonedCompilations.fail(instance.getInstanceId(), AbandonedCompilations.ABANDONED);
            LOG.info("Execution " + executionId + " of " + execution.getJobName() + " abandoned by " + caller.name() + "; "
                    + failed + " claimed items failed");
            return failed;
        } catch (NoSuchJobExecutionException e) {
            throw DomainException.notFound("Job execution");
        } catch (JobExecutionIsRunningException e) {
            throw DomainException.conflict("job_running", "Execution " + executionId + " is still running: stop it first");
        } catch (JobSecurityException e) {
            throw DomainException.forbidden(e.getMessage());
        }
    }

    /**
     * Only the newest execution of its instance may be restarted or abandoned ({@link Execution#latest}).
     *
     * @throws DomainException 409 {@code code} when the instance has run again since the execution
     */
    private static void requireLatest(JobOperator jobs, JobInstance instance, long executionId, String code, String done) {
        if (!MarkerJobRestarts.isNewest(jobs.getJobExecutions(instance), executionId)) {
            throw DomainException.conflict(code, "Execution " + executionId + " cannot be " + done + ": its job has run again since");
        }
    }

    /** Jobs compile every organization's markers: only the platform's operators see and steer them. */
    private static void requireOperator(Caller caller) {
        if (!caller.has(CallerRole.PLATFORM_ADMIN)) {
            throw DomainException.forbidden("Only platform admins manage batch jobs");
        }
    }
}
