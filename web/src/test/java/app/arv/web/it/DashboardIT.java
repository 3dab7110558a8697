package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /dashboard}: the caller's organization in figures, nobody else's; the node's system only for platform admins. */
@ExtendWith(ArvServer.class)
class DashboardIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void anOrganizationSeesItsProjectsContentVerdictsGenerationsAndActivity() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String content = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", TIMEOUT);
        String job = GenerationApi.completedOne(tenant.memberToken(), TIMEOUT, "horse.png");

        JsonPath dashboard = dashboard(tenant.memberToken());

        assertThat(dashboard.getLong("projects")).isEqualTo(1);
        assertThat(dashboard.getMap("ar_content_by_marker_status", String.class, Integer.class))
                .containsExactlyInAnyOrderEntriesOf(Map.of("pending", 0, "compiling", 0, "ready", 1, "failed", 0));
        assertThat(dashboard.getMap("verdicts", String.class, Integer.class).values()).containsExactly(1);
        assertThat(dashboard.getMap("generations_by_status", String.class, Integer.class))
                .containsEntry("completed", 1).containsEntry("queued", 0);
        List<Map<String, Object>> days = dashboard.getList("throughput");
        assertThat(days).hasSize(14);
        assertThat(days.get(13)).containsEntry("day", LocalDate.now(ZoneOffset.UTC).toString()).containsEntry("completed", 1);
        assertThat(dashboard.getList("recent_activity.id")).containsExactly(job, content);
        assertThat(dashboard.getString("system")).isNull();
    }

    @Test
    void anotherOrganizationsWorkIsNotCounted() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant stranger = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

        JsonPath theirs = dashboard(stranger.adminToken());

        assertThat(theirs.getLong("projects")).isZero();
        assertThat(theirs.getMap("ar_content_by_marker_status", String.class, Integer.class).values()).containsOnly(0);
        assertThat(theirs.getList("recent_activity")).isEmpty();
        assertThat(theirs.getLong("views")).isZero();
    }

    @Test
    void viewerViewsCountAmongTheLast30DaysOfTheDashboardAndOfTheContent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant stranger = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String content = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", TIMEOUT);
        String uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + content).then().extract().path("unique_id");

        for (int i = 0; i < 3; i++) {
            Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
        }

        JsonPath dashboard = dashboard(tenant.memberToken());
        assertThat(dashboard.getLong("views_last_30_days")).isEqualTo(3);
        List<Map<String, Object>> days = dashboard.getList("views_per_day");
        assertThat(days).hasSize(30);
        assertThat(days.get(29)).containsEntry("day", LocalDate.now(ZoneOffset.UTC).toString()).containsEntry("views", 3);
        assertThat(days.get(0)).containsEntry("day", LocalDate.now(ZoneOffset.UTC).minusDays(29).toString());
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + content).then().statusCode(200)
                .body("views_count", equalTo(3)).body("views_last_30_days", equalTo(3));
        assertThat(dashboard(stranger.memberToken()).getLong("views_last_30_days")).isZero();
    }

    @Test
    void aPlatformAdminAlsoSeesQueuesConsumersAndCircuitBreakers() {
        JsonPath dashboard = dashboard(Api.platformAdminToken());

        assertThat(dashboard.getList("system.queues.name")).contains("arv.generation.normal");
        assertThat(dashboard.getList("system.fal_circuits.call")).containsExactlyInAnyOrder("submit", "get");
        assertThat(dashboard.getString("system.node")).isNotBlank();
    }

    @Test
    void anAnonymousCallerIsRefused() {
        Api.anonymous().get("/dashboard").then().statusCode(401).contentType("application/problem+json");
    }

    private static JsonPath dashboard(String token) {
        return Api.bearer(token).get("/dashboard").then().statusCode(200).extract().jsonPath();
    }
}
