package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

/** Operating generation: system information for the platform, clean-up of old jobs for an organization. */
@ExtendWith(ArvServer.class)
class GenerationAdminIT {

    @Test
    void systemInfoReportsTheGenerationQueuesTheDeadLettersAndTheNode() {
        var info = Api.bearer(Api.platformAdminToken()).get("/admin/system-info").then().statusCode(200)
                .body("broker_reachable", equalTo(true))
                .body("queues.name", hasItems("arv.generation.high", "arv.generation.normal", "arv.generation.low"))
                .body("dead_letters", greaterThanOrEqualTo(0))
                .body("workers_per_queue", equalTo(2))
                .body("queues.find { it.name == 'arv.generation.normal' }.consumers", greaterThanOrEqualTo(2))
                .body("node", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("fal_circuits.call", hasItems("submit", "get"))
                .extract();

        // JSON numbers come back as Integer or Long depending on their size.
        assertThat(((Number) info.path("disk_total_bytes")).longValue()).isPositive();
        assertThat(((Number) info.path("heap_max_bytes")).longValue()).isPositive();
    }

    @Test
    void systemInfoIsForPlatformAdminsOnly() {
        Api.bearer(Api.newTenant().adminToken()).get("/admin/system-info").then().statusCode(403);
    }

    @Test
    void cleanupDeletesFinishedJobsWithTheirModelsAndTheImagesUploadedForThem() {
        Api.Tenant tenant = Api.newTenant();
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180)).body("status", equalTo("completed"));

        Api.bearer(tenant.adminToken()).body(Map.of("older_than_hours", 0)).post("/admin/cleanup").then().statusCode(200)
                .body("jobs_deleted", equalTo(1))
                .body("items_deleted", equalTo(1))
                // the model, its preview, and the image uploaded for the job with its two thumbnails (400 and 256 px)
                .body("files_deleted", equalTo(5));

        Api.bearer(tenant.memberToken()).get("/generations/" + job).then().statusCode(404);
    }

    @Test
    void cleanupKeepsJobsFinishedMoreRecentlyThanAsked() {
        Api.Tenant tenant = Api.newTenant();
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180)).body("status", equalTo("completed"));

        Api.bearer(tenant.adminToken()).body(Map.of("older_than_hours", 1)).post("/admin/cleanup").then().statusCode(200)
                .body("jobs_deleted", equalTo(0));

        Api.bearer(tenant.memberToken()).get("/generations/" + job).then().statusCode(200);
    }

    @Test
    void theRetentionTimerDeletesJobsFinishedLongerAgoThanTheRetentionWithTheirModelsAndTheImagesUploadedForThem() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180)).body("status", equalTo("completed"));
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).as("the source, its two thumbnails, the model and its preview")
                .isEqualTo(5);

        // The suite's server keeps finished jobs for a day (ARV_GENERATION_RETENTION=P1D).
        try (Connection db = SuiteDatabase.connect()) {
            execute(db, "UPDATE generation_job SET finished_at = now() - interval '2 days' WHERE id = ?", UUID.fromString(job));
        }

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        int status;
        long files;
        do {
            Thread.sleep(200);
            status = Api.bearer(tenant.memberToken()).get("/generations/" + job).statusCode();
            files = MediaApi.filesOnDisk(tenant.organizationId());
        } while ((status != 404 || files != 0) && java.time.Instant.now().isBefore(deadline));

        assertThat(status).as("the job, deleted by the retention timer").isEqualTo(404);
        // The model and its preview went with it, and so did the image uploaded for it (no library entry holds it).
        assertThat(files).isZero();
    }

    @Test
    void anItemWhoseWorkerVanishedIsFailedByTheReaperAndItsJobEnds() throws SQLException {
        Api.Tenant tenant = Api.newTenant();
        String source = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        UUID job = UUID.randomUUID();
        insertJobLeftProcessingByAVanishedNode(tenant.organizationId(), job, UUID.fromString(source));

        GenerationApi.awaitFinished(tenant.memberToken(), job.toString(), Duration.ofSeconds(60))
                .body("status", equalTo("failed"))
                .body("items[0].status", equalTo("failed"))
                .body("items[0].error", containsString("No progress since"))
                .body("items[0].error", containsString("the worker stopped"));
    }

    /**
     * The state a node leaves when it dies and its message is lost with it (a broker that lost its
     * journal): the item is processing, and nothing has changed it for an hour.
     */
    private static void insertJobLeftProcessingByAVanishedNode(UUID organization, UUID job, UUID sourceMedia) throws SQLException {
        try (Connection db = SuiteDatabase.connect()) {
            execute(db, "INSERT INTO generation_job (id, organization_id, provider, priority, face_limit, texture, status,"
                    + " item_count, created_at, updated_at) VALUES (?, ?, 'local', 'NORMAL', 2000, 'standard', 'PROCESSING', 1,"
                    + " now() - interval '1 hour', now() - interval '1 hour')", job, organization);
            execute(db, "INSERT INTO generation_item (id, organization_id, job_id, position, source_media_id, status, progress,"
                    + " stage, attempts, node, started_at, created_at, updated_at) VALUES (?, ?, ?, 1, ?, 'PROCESSING', 40,"
                    + " 'generating', 1, 'vanished-node', now() - interval '1 hour', now() - interval '1 hour',"
                    + " now() - interval '1 hour')", UUID.randomUUID(), organization, job, sourceMedia);
        }
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
