package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Marker compilation survives the death of the server running it: a batch of portraits whose Payara
 * is killed with SIGKILL mid-way finishes after a restart, each portrait compiled exactly once.
 */
@ExtendWith(ArvServer.class)
class MarkerBatchRecoveryIT {

    private static final List<String> PORTRAITS = List.of("chelsea.png", "coins.png", "rocket.jpg", "astronaut.png",
            "camera.png", "coffee.png");
    private static final int BATCH = 20;

    @Test
    void aBatchKilledMidJobFinishesAfterRestartWithEveryItemReadyExactlyOnce() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        var request = MediaApi.as(tenant.memberToken());
        for (int i = 0; i < BATCH; i++) {
            String image = PORTRAITS.get(i % PORTRAITS.size());
            // Distinct bytes per portrait (a PNG/JPEG ignores trailing bytes), so each is its own media.
            request.multiPart("images", i + "-" + image, distinct(MediaApi.image(image), i), "application/octet-stream");
        }
        List<String> ids = request.post("/projects/" + project + "/ar-content/batch").then().statusCode(202)
                .extract().path("items.id");
        int readyAtKill = awaitSomeButNotAllReady(tenant.memberToken(), project, Duration.ofSeconds(180));

        ProcessHandle payara = ProcessHandle.of(ArvServer.stack().payaraPid()).orElseThrow();
        payara.destroyForcibly();
        payara.onExit().get();
        ArvServer.stack().stopArv();
        ArvServer.stack().startArv();

        for (String id : ids) {
            MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(300))
                    .body("status", equalTo("ready"))
                    .body("compilations", equalTo(1));
        }
        assertThat(readyAtKill).isBetween(1, BATCH - 1);
    }

    @Test
    void operatorsSeeTheCompileJobsWithTheirStepMetrics() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));

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
            MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
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

        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(0), Duration.ofSeconds(120)).body("status", equalTo("ready"));
        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(1), Duration.ofSeconds(120)).body("status", equalTo("failed"))
                .body("failure", org.hamcrest.Matchers.containsString("unusable"));
        MarkerApi.awaitMarker(tenant.memberToken(), ids.get(2), Duration.ofSeconds(120)).body("status", equalTo("ready"));
    }

    private static byte[] distinct(byte[] image, int salt) {
        byte[] out = java.util.Arrays.copyOf(image, image.length + 4);
        java.nio.ByteBuffer.wrap(out, image.length, 4).putInt(salt);
        return out;
    }

    /** Waits until the job is visibly under way: a few portraits ready (the kill then lands mid-batch). */
    private static int awaitSomeButNotAllReady(String token, String project, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<String> statuses = MediaApi.as(token).get("/projects/" + project + "/ar-content?limit=50").then()
                    .statusCode(200).extract().path("items.marker.status");
            int ready = (int) statuses.stream().filter("ready"::equals).count();
            if (ready >= 2) {
                return ready;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No portrait became ready within " + timeout);
    }
}
