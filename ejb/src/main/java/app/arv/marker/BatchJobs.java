package app.arv.marker;

import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The platform operators' view of the compile jobs in the batch job repository: executions, steps, metrics; restart and stop. */
@ApplicationScoped
public class BatchJobs {

    /** {@code node}: the name of the node that last ran the instance, when Redis still knows it. */
    public record Execution(long instanceId, String node, JobExecution execution, List<StepExecution> steps) {
    }

    @Inject
    MarkerJobRestarts restarts;

    @Inject
    MarkerNode node;

    public List<Execution> recent(Caller caller, int limit) {
        requireOperator(caller);
        JobOperator jobs = BatchRuntime.getJobOperator();
        List<Execution> out = new ArrayList<>();
        try {
            for (JobInstance instance : jobs.getJobInstances(CompileRequestListener.JOB, 0, limit)) {
                String node = ownerName(instance.getInstanceId());
                for (JobExecution execution : MarkerJobRestarts.executionsOf(jobs, instance)) {
                    out.add(new Execution(instance.getInstanceId(), node, execution, jobs.getStepExecutions(execution.getExecutionId())));
                }
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        out.sort(Comparator.comparingLong((Execution e) -> e.execution().getExecutionId()).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
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
        JobOperator jobs = BatchRuntime.getJobOperator();
        try {
            JobExecution execution = jobs.getJobExecution(executionId);
            JobInstance instance = jobs.getJobInstance(executionId);
            // Checked first: a dead node's execution that was restarted already still reads STARTED.
            if (jobs.getJobExecutions(instance).stream().anyMatch(e -> e.getExecutionId() > executionId)) {
                throw DomainException.conflict("job_not_restartable", "Execution " + executionId
                        + " cannot be restarted: its job has run again since");
            }
            if (MarkerJobRestarts.running(execution) && !restarts.abandoned(instance.getInstanceId(), execution)) {
                throw DomainException.conflict("job_running", "Execution " + executionId + " is still running");
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

    public void stop(Caller caller, long executionId) {
        requireOperator(caller);
        try {
            BatchRuntime.getJobOperator().stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw DomainException.notFound("Job execution");
        } catch (JobExecutionNotRunningException e) {
            throw DomainException.conflict("job_not_running", "Execution " + executionId + " is not running");
        }
    }

    /** Jobs compile every organization's markers: only the platform's operators see and steer them. */
    private static void requireOperator(Caller caller) {
        if (!caller.has(CallerRole.PLATFORM_ADMIN)) {
            throw DomainException.forbidden("Only platform admins manage batch jobs");
        }
    }
}
