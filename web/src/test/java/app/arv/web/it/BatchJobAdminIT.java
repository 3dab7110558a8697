package app.arv.web.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Platform operators steer the compile jobs: a stopped job stays stopped until they restart it, and
 * its restart finishes the same job instance from its checkpoints; an abandoned one never runs again.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class BatchJobAdminIT {

    /** A job that runs for a few seconds (a portrait compiles in a fraction of one), long enough to steer while it runs. */
    private static final int BATCH = 24;
    private static final Duration COMPILING = Duration.ofSeconds(240);

    @Test
    void aStoppedJobRestartedByAnOperatorFinishesEveryItemExactlyOnce() throws Exception {
        StoppedJob job = aJobStoppedOnceAPortraitIsReady();
        operator().post("/admin/batch/jobs/executions/" + job.execution() + "/restart").then().statusCode(202)
                .body("execution_id", greaterThan((int) job.execution()));

        for (String id : job.ids()) {
            MarkerApi.awaitMarker(job.tenant().memberToken(), id, COMPILING)
                    .body("status", equalTo("ready"))
                    .body("compilations", equalTo(1));
        }
        assertThat(job.readyWhenStopped()).isLessThan(BATCH);
        assertThat(BatchJobsApi.statusesByInstance(job.tenant().organizationId()).values())
                .contains(List.of("STOPPED", "COMPLETED"));
    }

    @Test
    void onlyTheNewestExecutionOfAJobIsListedAsItsLatest() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        long stopped = aStoppedExecution(tenant);

        long restarted = operator().post("/admin/batch/jobs/executions/" + stopped + "/restart").then().statusCode(202)
                .extract().<Number>path("execution_id").longValue();

        assertThat(BatchJobsApi.executionsOf(tenant.organizationId()))
                .extracting(BatchJobsApi.Execution::executionId, BatchJobsApi.Execution::latest)
                .containsExactly(tuple(stopped, false), tuple(restarted, true));
    }

    @Test
    void anOperatorPagesBackThroughTheJobsOneJobAPage() throws Exception {
        long older = aCompletedExecution();
        long newer = aCompletedExecution();

        // Jobs other tests start meanwhile push both further back, never past the page being read: each is found.
        Map<Long, Integer> firstPageOf = new HashMap<>();
        int total = Integer.MAX_VALUE;
        for (int offset = 0; offset < total && !firstPageOf.keySet().containsAll(List.of(older, newer)); offset++) {
            var page = operator().queryParam("limit", 1).queryParam("offset", offset).get("/admin/batch/jobs").then().statusCode(200)
                    .body("limit", equalTo(1)).body("offset", equalTo(offset)).extract();
            total = page.path("total");
            List<Number> instances = page.path("items.instance_id");
            assertThat(instances.stream().map(Number::longValue).distinct()).as("jobs on the page at %s", offset).hasSize(1);
            int at = offset;
            page.<List<Number>>path("items.execution_id").forEach(id -> firstPageOf.putIfAbsent(id.longValue(), at));
        }

        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(firstPageOf).containsKeys(older, newer);
        assertThat(firstPageOf.get(older)).isGreaterThan(firstPageOf.get(newer));
    }

    @Test
    void aPagePastTheLastJobIsEmptyWithTheTotal() throws Exception {
        aCompletedExecution();
        int total = operator().get("/admin/batch/jobs?limit=1").then().statusCode(200).extract().path("total");

        operator().queryParam("offset", total + 1000).get("/admin/batch/jobs").then().statusCode(200)
                .body("items", empty()).body("total", greaterThanOrEqualTo(total)).body("offset", equalTo(total + 1000));
    }

    @Test
    void anExecutionCannotBeRestartedTwice() throws Exception {
        long stopped = aStoppedExecution(Api.newTenant());
        operator().post("/admin/batch/jobs/executions/" + stopped + "/restart").then().statusCode(202);

        operator().post("/admin/batch/jobs/executions/" + stopped + "/restart").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("job_not_restartable"));
    }

    @Test
    void aRunningExecutionCannotBeRestarted() throws Exception {
        try (HeldCompilation running = aRunningExecution(Api.newTenant())) {

            operator().post("/admin/batch/jobs/executions/" + running.execution() + "/restart").then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("job_running"));
        }
    }

    @Test
    void aCompletedExecutionCannotBeRestarted() throws Exception {
        long completed = aCompletedExecution();

        operator().post("/admin/batch/jobs/executions/" + completed + "/restart").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("code", equalTo("job_not_restartable"));
    }

    @Test
    void aCompletedExecutionCannotBeStopped() throws Exception {
        long completed = aCompletedExecution();

        operator().post("/admin/batch/jobs/executions/" + completed + "/stop").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("job_not_running"));
    }

    @Test
    void anAbandonedExecutionFailsItsUnfinishedItemsAndIsNeverRestarted() throws Exception {
        StoppedJob job = aJobStoppedOnceAPortraitIsReady();
        operator().post("/admin/batch/jobs/executions/" + job.execution() + "/abandon").then().statusCode(200)
                .body("failed_items", equalTo(BATCH - job.readyWhenStopped()));

        // Three rounds of the recovery timer: none restarts it.
        Thread.sleep(ArvServer.MARKER_RECOVERY_INTERVAL.multipliedBy(3).toMillis());
        assertThat(BatchJobsApi.statusesByInstance(job.tenant().organizationId()).values()).containsExactly(List.of("ABANDONED"));
        List<String> statuses = job.ids().stream()
                .map(id -> MediaApi.as(job.tenant().memberToken()).get("/ar-content/" + id + "/marker").then().statusCode(200)
                        .extract().<String>path("status"))
                .toList();
        assertThat(statuses).filteredOn("ready"::equals).hasSize(job.readyWhenStopped());
        assertThat(statuses).filteredOn("failed"::equals).hasSize(BATCH - job.readyWhenStopped());
        operator().post("/admin/batch/jobs/executions/" + job.execution() + "/restart").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("job_not_restartable"));
        operator().post("/admin/batch/jobs/executions/" + job.execution() + "/abandon").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("job_not_abandonable"));
    }

    @Test
    void aRunningExecutionMustBeStoppedBeforeItIsAbandoned() throws Exception {
        try (HeldCompilation running = aRunningExecution(Api.newTenant())) {

            operator().post("/admin/batch/jobs/executions/" + running.execution() + "/abandon").then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("job_running"))
                    .body("detail", containsString("stop it first"));
        }
    }

    @Test
    void aCompletedExecutionCannotBeAbandoned() throws Exception {
        long completed = aCompletedExecution();

        operator().post("/admin/batch/jobs/executions/" + completed + "/abandon").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("job_not_abandonable"));
    }

    @Test
    void anUnknownExecutionIsNotFound() {
        operator().post("/admin/batch/jobs/executions/987654321/restart").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        operator().post("/admin/batch/jobs/executions/987654321/stop").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        operator().post("/admin/batch/jobs/executions/987654321/abandon").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    @Test
    void membersAndOrganizationAdminsCannotStopRestartOrAbandonJobs() throws Exception {
        long completed = aCompletedExecution();
        Api.Tenant tenant = Api.newTenant();

        for (String token : List.of(tenant.memberToken(), tenant.adminToken())) {
            Api.bearer(token).post("/admin/batch/jobs/executions/" + completed + "/restart").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("forbidden"));
            Api.bearer(token).post("/admin/batch/jobs/executions/" + completed + "/stop").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("forbidden"));
            Api.bearer(token).post("/admin/batch/jobs/executions/" + completed + "/abandon").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return Api.bearer(Api.reusedPlatformAdminToken());
    }

    /** A compile job of the tenant's that has started, held running until closed. */
    private static HeldCompilation aRunningExecution(Api.Tenant tenant) throws Exception {
        String project = MarkerApi.newProject(tenant.memberToken());
        BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, BATCH);
        return HeldCompilation.of(tenant, project, COMPILING);
    }

    /** A compile job of the tenant's stopped by an operator while it ran. */
    private static long aStoppedExecution(Api.Tenant tenant) throws Exception {
        long execution;
        try (HeldCompilation running = aRunningExecution(tenant)) {
            execution = running.execution();
            operator().post("/admin/batch/jobs/executions/" + execution + "/stop").then().statusCode(202);
        }
        BatchJobsApi.awaitExecution(tenant.organizationId(), "STOPPED", COMPILING);
        return execution;
    }

    private static long aCompletedExecution() throws InterruptedException {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, COMPILING).body("status", equalTo("ready"));
        return BatchJobsApi.awaitExecution(tenant.organizationId(), "COMPLETED", COMPILING).executionId();
    }

    /** A job of {@value #BATCH} portraits stopped by an operator once its first portrait is ready. */
    private static StoppedJob aJobStoppedOnceAPortraitIsReady() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        List<String> ids = BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, BATCH);
        BatchJobsApi.awaitReady(tenant.memberToken(), project, 1, COMPILING);
        long execution;
        try (HeldCompilation running = HeldCompilation.of(tenant, project, COMPILING)) {
            execution = running.execution();
            operator().post("/admin/batch/jobs/executions/" + execution + "/stop").then().statusCode(202);
        }
        BatchJobsApi.awaitExecution(tenant.organizationId(), "STOPPED", COMPILING);
        int readyWhenStopped = BatchJobsApi.readyCount(tenant.memberToken(), project);
        return new StoppedJob(tenant, project, ids, execution, readyWhenStopped);
    }

    private record StoppedJob(Api.Tenant tenant, String project, List<String> ids, long execution, int readyWhenStopped) {
    }
}
