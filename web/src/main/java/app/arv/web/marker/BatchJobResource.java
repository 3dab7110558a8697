package app.arv.web.marker;

import app.arv.marker.BatchJobs;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The marker compile jobs in the batch job repository (JSR-352), for the platform's operators. */
@Path("admin/batch/jobs")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class BatchJobResource implements ApiDescription.Admin {

    @Inject
    BatchJobs jobs;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The compile-markers executions with their steps and step metrics, newest job first. Paged by job "
            + "(instance): limit and offset count jobs, total is how many jobs the repository holds, and a page lists every "
            + "execution of its jobs (a restarted job has several), newest first")
    public PageView<ExecutionView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(jobs.recent(caller.get(), paging.toRequest()), ExecutionView::of);
    }

    @POST
    @Path("executions/{executionId}/restart")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Restart a failed or stopped execution (or one whose node died) from its last checkpoints;"
            + " answers the new execution id; 409 when it completed, still runs or is not its job's latest")
    @APIResponse(responseCode = "202", description = "The new execution (execution_id)")
    public Response restart(@PathParam("executionId") long executionId) {
        return Response.accepted(Map.of("execution_id", jobs.restart(caller.get(), executionId))).build();
    }

    @POST
    @Path("executions/{executionId}/stop")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop a running execution after its current items, whichever node it runs on; it stays stopped until "
            + "restarted here",
            description = "Asked of a node that does not run the execution, the stop is handed to the node that does (over Redis): "
                    + "202 names that node with handed_over true, and the execution turns STOPPING, then STOPPED, there. "
                    + "409 job_not_running when the repository records it as ended; 409 job_node_gone when the node that ran it "
                    + "is gone (no proof of life): nothing can stop it, the recovery timer restarts it on a live node (or restart "
                    + "it here), then stop that execution; 503 node_unreachable when the node that runs it cannot be told now "
                    + "(Redis away, or that node not listening): nothing was done, try again")
    @APIResponse(responseCode = "202", description = "Stopping on the node named (handed_over: asked of another node)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StopView.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "503", ref = "#/components/responses/Unavailable")
    public Response stop(@PathParam("executionId") long executionId) {
        return Response.accepted(StopView.of(jobs.stop(caller.get(), executionId))).build();
    }

    /** An operator's stop: the node that stops the execution, and whether the node asked handed it there. */
    public record StopView(long executionId, String node, boolean handedOver) {

        static StopView of(BatchJobs.Stop stop) {
            return new StopView(stop.executionId(), stop.node(), stop.handedOver());
        }
    }

    @POST
    @Path("executions/{executionId}/abandon")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Abandon a stopped or failed execution for good: nobody (the recovery timer included) can restart it, "
            + "and the AR content it claimed but did not compile fails (compile it again to retry); answers failed_items. "
            + "409 job_running while it runs or stops (stop it first), job_not_abandonable when it completed, was abandoned "
            + "already or its job has run again since")
    public Map<String, Integer> abandon(@PathParam("executionId") long executionId) {
        return Map.of("failed_items", jobs.abandon(caller.get(), executionId));
    }

    public record ExecutionView(long executionId, long instanceId, boolean latest, String node, String jobName, String batchStatus,
            String exitStatus, Instant createdAt, Instant startedAt, Instant endedAt, String organizationId, List<StepView> steps) {

        static ExecutionView of(BatchJobs.Execution e) {
            JobExecution x = e.execution();
            String org = x.getJobParameters() == null ? null : x.getJobParameters().getProperty("organizationId");
            return new ExecutionView(x.getExecutionId(), e.instanceId(), e.latest(), e.node(), x.getJobName(), String.valueOf(x.getBatchStatus()),
                    x.getExitStatus(),
                    instant(x.getCreateTime()), instant(x.getStartTime()), instant(x.getEndTime()), org,
                    e.steps().stream().map(StepView::of).toList());
        }
    }

    public record StepView(long stepExecutionId, String stepName, String batchStatus, String exitStatus, Instant startedAt,
            Instant endedAt, Map<String, Long> metrics) {

        static StepView of(StepExecution s) {
            Map<String, Long> metrics = new TreeMap<>();
            if (s.getMetrics() != null) {
                Arrays.stream(s.getMetrics()).forEach((Metric m) -> metrics.put(SnakeCaseEnum.name(m.getType()), m.getValue()));
            }
            return new StepView(s.getStepExecutionId(), s.getStepName(), String.valueOf(s.getBatchStatus()), s.getExitStatus(),
                    instant(s.getStartTime()), instant(s.getEndTime()), metrics);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
