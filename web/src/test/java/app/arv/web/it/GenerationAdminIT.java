package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
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
    void cleanupDeletesFinishedJobsWithTheirModels() {
        Api.Tenant tenant = Api.newTenant();
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180)).body("status", equalTo("completed"));

        Api.bearer(tenant.adminToken()).body(Map.of("older_than_hours", 0)).post("/admin/cleanup").then().statusCode(200)
                .body("jobs_deleted", equalTo(1))
                .body("items_deleted", equalTo(1))
                .body("files_deleted", equalTo(2));

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
}
