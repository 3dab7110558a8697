package app.arv.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Marker compilation survives the death of the server running it: a batch of portraits whose Payara
 * is killed with SIGKILL mid-way finishes after a restart, each portrait compiled exactly once.
 */
@ExtendWith(ArvServer.class)
@Order(5)
@Isolated("kills and restarts the suite's server")
class MarkerBatchRecoveryIT {

    private static final int BATCH = 20;

    /** A restart is the one way back here: a second node still up would take the killed job over (ClusterIT's story). */
    @BeforeAll
    static void theSuitesServerAlone() {
        SecondNode.stopIfRunning();
    }

    @Test
    void aBatchKilledMidJobFinishesAfterRestartWithEveryItemReadyExactlyOnce() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        List<String> ids = BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, BATCH);
        int readyAtKill = BatchJobsApi.awaitReady(tenant.memberToken(), project, 2, Duration.ofSeconds(180));

        ServerProcess.kill(ArvServer.stack().payaraPid());
        ArvServer.restart();

        for (String id : ids) {
            // compilations == 1: no portrait finished before the kill was compiled again by the restarted job.
            MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(300))
                    .body("status", equalTo("ready"))
                    .body("compilations", equalTo(1));
        }
        assertThat(readyAtKill).isBetween(1, BATCH - 1);
        // The recovery timer restarted the killed job instance from its checkpoints, not a new job:
        // the killed execution is still recorded as STARTED, its restart COMPLETED.
        assertThat(BatchJobsApi.statusesByInstance(tenant.organizationId()).values())
                .contains(List.of("STARTED", "COMPLETED"));
    }

    @Test
    void operatorsSeeTheCompileJobsWithTheirStepMetrics() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));

        Api.bearer(Api.platformAdminToken()).get("/admin/batch/jobs").then().statusCode(200)
                .body("items.job_name", hasItem("compile-markers"))
                .body("items.organization_id", hasItem(tenant.organizationId().toString()))
                .body("items.find { it.organization_id == '" + tenant.organizationId() + "' && it.batch_status == 'COMPLETED' }"
                        + ".steps[0].step_name", equalTo("compile"));
    }

    @Test
    void membersCannotSeeTheBatchJobs() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).get("/admin/batch/jobs").then().statusCode(403);
    }

    @Test
    void aBatchUploadCreatesOneContentPerPortraitAndCompilesThemAll() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());

        List<String> ids = MediaApi.as(tenant.memberToken())
                .multiPart("images", "anna.png", MediaApi.image("chelsea.png"), "image/png")
                .multiPart("images", "ben.jpg", MediaApi.image("rocket.jpg"), "image/jpeg")
                .post("/projects/" + project + "/ar-content/batch").then().statusCode(202)
                .body("items.title", org.hamcrest.Matchers.contains("anna", "ben"))
                .extract().path("items.id");

        for (String id : ids) {
            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
        }
    }

    @Test
    void aFlatImageFailsOnlyItsOwnItemAndTheRestOfTheBatchIsReady() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());

        List<String> ids = MediaApi.as(tenant.memberToken())
                .multiPart("images", "anna.png", MediaApi.image("chelsea.png"), "image/png")
                .multiPart("images", "wall.png", MarkerApi.flatImage(), "image/png")
                .multiPart("images", "ben.jpg", MediaApi.image("rocket.jpg"), "image/jpeg")
                .post("/projects/" + project + "/ar-content/batch").then().statusCode(202)
                .extract().path("items.id");

        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(0), MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(1), MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"))
                .body("failure", org.hamcrest.Matchers.containsString("unusable"));
        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(2), MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
    }

    @Test
    void aPortraitTheStoreLostFailsAloneWithItsReasonAndItsPartitionGoesOnInTheSameExecution() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        List<String> ids = BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, 3);
        for (String id : ids) {
            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
        }
        // The first in claim order shares its partition with the third (two partitions, dealt round-robin).
        String lost = firstInClaimOrder(project);
        SuiteDatabase.execute("UPDATE media_resource SET storage_key = storage_key || '.lost' WHERE id = "
                + "(SELECT source_media_id FROM ar_content WHERE id = '" + lost + "')");
        // All three compiled again by one job: pending since long, so the recovery timer sends their request within a round.
        SuiteDatabase.execute("UPDATE ar_content SET marker_status = 'PENDING', marker_job_instance = NULL,"
                + " marker_requested_at = now() - interval '1 hour' WHERE project_id = '" + project + "'");

        MarkerApi.awaitMarker(tenant.memberToken(), lost, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"))
                .body("failure", containsString("the storage no longer has its portrait"));
        for (String id : ids.stream().filter(id -> !id.equals(lost)).toList()) {
            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"))
                    .body("compilations", equalTo(2));
        }
        // The first batch's job and the second's, each done in its one execution.
        assertThat(BatchJobsApi.statusesByInstance(tenant.organizationId()).values())
                .containsExactly(List.of("COMPLETED"), List.of("COMPLETED"));
    }

    private static String firstInClaimOrder(String project) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement first = db.prepareStatement("SELECT id FROM ar_content WHERE project_id = ? ORDER BY id LIMIT 1")) {
            first.setObject(1, UUID.fromString(project));
            try (ResultSet row = first.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
