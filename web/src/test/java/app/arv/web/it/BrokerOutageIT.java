package app.arv.web.it;

import app.arv.launcher.FreezableProxy;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the broker unreachable the way a stopped broker process is (connections open, nothing answers),
 * requests that need it answer 503 queue_unavailable with Retry-After within 5 s and leave nothing behind
 * (no job row, no stored file); readiness says DOWN; once the broker answers again, generations work
 * without a restart of ARV. The broker is always thawed at the end: the suite shares it.
 */
@ExtendWith(ArvServer.class)
@Isolated("freezes the broker")
class BrokerOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final Duration FAST = Duration.ofSeconds(5);

    private static Api.Tenant tenant;
    private static String libraryImage;
    private static String project;

    @BeforeAll
    static void tenant() {
        tenant = Api.newTenant();
        libraryImage = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        project = MarkerApi.newProject(tenant.memberToken());
    }

    @Test
    void withTheBrokerFrozenQueuedWorkIsRefusedFastWithNothingLeftAndWorksAgainOnceItAnswers() throws Exception {
        long storedBefore = MediaApi.storedObjects(tenant.adminToken());
        FreezableProxy broker = ArvServer.stack().brokerProxy();
        broker.freeze();
        try {
            Response fromLibrary = timed(() -> Api.bearer(tenant.memberToken())
                    .body(Map.of("media_ids", List.of(libraryImage), "face_limit", 2000)).post("/generations"));
            assertQueueUnavailable(fromLibrary);

            Response fromUpload = timed(() -> GenerationApi.uploading(tenant.memberToken(), GenerationApi.images("coins.png"))
                    .post("/generations"));
            assertQueueUnavailable(fromUpload);

            Response portrait = timed(() -> MarkerApi.create(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"),
                    "Coins").extract().response());
            assertQueueUnavailable(portrait);

            // Long enough for the clients to give their connections up (connection TTL): still a fast answer.
            Thread.sleep(Duration.ofSeconds(16).toMillis());
            assertQueueUnavailable(timed(() -> Api.bearer(tenant.memberToken())
                    .body(Map.of("media_ids", List.of(libraryImage), "face_limit", 2000)).post("/generations")));

            Api.bearer(tenant.memberToken()).get("/generations").then().statusCode(200).body("total", equalTo(0));
            Api.bearer(tenant.memberToken()).get("/projects/" + project + "/ar-content").then().statusCode(200)
                    .body("total", equalTo(0));
            assertThat(MediaApi.libraryTotal(tenant.memberToken())).as("only the image uploaded before the outage").isEqualTo(1);
            assertThat(MediaApi.storedObjects(tenant.adminToken())).isEqualTo(storedBefore);

            Readiness.awaitDependency("artemis", "DOWN", PATIENCE);
            // Not readiness: a load balancer keeps the node, which serves all but queued work.
            Readiness.await(200, FAST);
        } finally {
            broker.thaw();
        }

        Readiness.awaitDependency("artemis", "UP", PATIENCE);
        String job = Api.bearer(tenant.memberToken()).body(Map.of("media_ids", List.of(libraryImage), "face_limit", 2000))
                .post("/generations").then().statusCode(202).extract().path("id");
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofMinutes(3)).body("status", equalTo("completed"));
    }

    private static void assertQueueUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.jsonPath().getString("code")).isEqualTo("queue_unavailable");
        assertThat(response.header("Retry-After")).isNotBlank();
    }

    private static Response timed(java.util.function.Supplier<Response> request) {
        Instant start = Instant.now();
        Response response = request.get();
        assertThat(Duration.between(start, Instant.now())).as("time to answer").isLessThan(FAST);
        return response;
    }
}
