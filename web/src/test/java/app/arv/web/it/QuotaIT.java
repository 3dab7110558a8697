package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

/**
 * Organizations' quotas: the platform admin sets them, members see their use next to them, and a
 * request that would pass one is refused before any work, leaving nothing behind.
 */
@ExtendWith(ArvServer.class)
class QuotaIT {

    private Api.Tenant tenant;

    @BeforeEach
    void freshOrganization() {
        tenant = Api.newTenant();
    }

    @Test
    void thePlatformAdminSetsOverridesAndSeesTheLimitsInForce() {
        Api.bearer(Api.platformAdminToken()).body(Map.of("stored_bytes", 5000, "fal_allowed", false))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(200)
                .body("overrides.stored_bytes", equalTo(5000)).body("overrides.generations_per_month", nullValue())
                .body("effective.stored_bytes", equalTo(5000)).body("effective.fal_allowed", equalTo(false))
                .body("effective.generations_per_month", equalTo(1000000));

        Api.bearer(Api.platformAdminToken()).get("/organizations/" + tenant.organizationId() + "/quotas").then()
                .statusCode(200).body("overrides.stored_bytes", equalTo(5000));
    }

    @Test
    void anOrganizationAdminCannotSetItsOwnQuotas() {
        Api.bearer(tenant.adminToken()).body(Map.of("stored_bytes", 1_000_000_000_000L))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(403);
    }

    @Test
    void quotasOfAnUnknownOrganizationAreNotFound() {
        Api.bearer(Api.platformAdminToken()).get("/organizations/" + UUID.randomUUID() + "/quotas").then().statusCode(404);
    }

    @Test
    void aNegativeQuotaIsRefused() {
        Api.bearer(Api.platformAdminToken()).body(Map.of("stored_bytes", -1))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void camelCaseMembersAreRefusedByNameAndLeaveTheOverridesAsTheyWere() {
        String quotas = "/organizations/" + tenant.organizationId() + "/quotas";
        Api.bearer(Api.platformAdminToken()).body(Map.of("stored_bytes", 5000)).put(quotas).then().statusCode(200);

        Api.bearer(Api.platformAdminToken()).body(Map.of("requestsPerMinute", 600, "storedBytes", 5000000000L)).put(quotas)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", anyOf(equalTo("requestsPerMinute"), equalTo("storedBytes")));

        Api.bearer(Api.platformAdminToken()).get(quotas).then().statusCode(200).body("overrides.stored_bytes", equalTo(5000));
    }

    @Test
    void aQuotaThatIsNotAWholeNumberInRangeIsRefusedByNameNotChanged() {
        String quotas = "/organizations/" + tenant.organizationId() + "/quotas";
        for (String body : List.of("{\"stored_bytes\":1.9}", "{\"requests_per_minute\":4294967897}",
                "{\"stored_bytes\":9223372036854775808}", "{\"generations_per_month\":\"7\"}")) {
            Api.bearer(Api.platformAdminToken()).body(body).put(quotas).then().statusCode(400)
                    .body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo(body.substring(2, body.indexOf('"', 2))));
        }

        Api.bearer(Api.platformAdminToken()).get(quotas).then().statusCode(200)
                .body("overrides.stored_bytes", nullValue()).body("overrides.requests_per_minute", nullValue());
    }

    @Test
    void aGrantGivenAsTextIsRefusedByNameNotReadAsNo() {
        Api.bearer(Api.platformAdminToken()).body(Map.of("fal_allowed", "yes"))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("fal_allowed"));
    }

    @Test
    void thePlatformAdminSetsTheOrganizationWideRequestLimitsAndMembersSeeThem() {
        Api.bearer(Api.platformAdminToken()).body(Map.of("organization_requests_per_minute", 30, "organization_requests_per_hour", 400))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(200)
                .body("overrides.organization_requests_per_minute", equalTo(30))
                .body("overrides.organization_requests_per_hour", equalTo(400))
                .body("effective.organization_requests_per_minute", equalTo(30));

        Api.bearer(tenant.memberToken()).get("/usage").then().statusCode(200)
                .body("requests.organization_per_minute", equalTo(30)).body("requests.organization_per_hour", equalTo(400))
                .body("requests.per_minute", equalTo(1000000));
    }

    @Test
    void anOrganizationWideRequestLimitUnderOneIsRefused() {
        Api.bearer(Api.platformAdminToken()).body(Map.of("organization_requests_per_hour", 0))
                .put("/organizations/" + tenant.organizationId() + "/quotas").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"));
    }

    @Test
    void membersSeeTheirUseNextToEachQuota() {
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 7));
        MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));

        Api.bearer(tenant.memberToken()).get("/usage").then().statusCode(200)
                .body("organization_id", equalTo(tenant.organizationId().toString()))
                .body("stored_bytes.used", greaterThan(75_000)).body("stored_bytes.quota", equalTo(10737418240L))
                .body("generations_per_month.used", equalTo(0)).body("generations_per_month.quota", equalTo(7))
                .body("fal_allowed", equalTo(true)).body("requests.per_minute", equalTo(1000000))
                .body("requests.organization_per_minute", equalTo(1000000));
    }

    @Test
    void anUploadPastTheStoredBytesQuotaIsRefusedAndNothingIsKept() {
        // Room for coins.png (75,825 bytes) with its thumbnails; camera.png (139,512 bytes) does not fit besides.
        Limits.set(tenant.organizationId(), Map.of("stored_bytes", 200_000));
        MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        long filesBefore = MediaApi.filesOnDisk(tenant.organizationId());

        MediaApi.upload(tenant.memberToken(), "camera.png", MediaApi.image("camera.png")).statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("quota_exceeded"))
                .body("quota", equalTo("stored_bytes"));

        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(1);
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isEqualTo(filesBefore);
    }

    @Test
    void contentAlreadyStoredCostsNoQuota() {
        byte[] coins = MediaApi.image("coins.png");
        MediaApi.uploadOne(tenant.memberToken(), "coins.png", coins);
        Limits.set(tenant.organizationId(), Map.of("stored_bytes", 0));

        MediaApi.upload(tenant.memberToken(), "again.png", coins).statusCode(201);
    }

    @Test
    void generationsPastTheMonthlyQuotaAreRefusedAndNoJobIsLeft() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        String other = MediaApi.uploadOne(tenant.memberToken(), "camera.png", MediaApi.image("camera.png"));
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 1));

        fromMedia(List.of(media, other), "local").then().statusCode(429)
                .body("code", equalTo("quota_exceeded")).body("quota", equalTo("generations_per_month"));

        Api.bearer(tenant.memberToken()).get("/generations").then().statusCode(200).body("total", equalTo(0));
        Api.bearer(tenant.memberToken()).get("/usage").then().body("generations_per_month.used", equalTo(0));
    }

    @Test
    void imagesUploadedForAJobPastTheMonthlyQuotaAreNotKept() {
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 1));

        GenerationApi.submit(tenant.memberToken(), GenerationApi.images("coins.png", "camera.png")).statusCode(429)
                .body("code", equalTo("quota_exceeded")).body("quota", equalTo("generations_per_month"));

        assertThat(MediaApi.libraryTotal(tenant.memberToken())).as("images in the library").isZero();
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).as("files in the store").isZero();
    }

    @Test
    void theFalProviderIsForbiddenToAnOrganizationNotGrantedIt() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        Limits.set(tenant.organizationId(), Map.of("fal_allowed", false));

        fromMedia(List.of(media), "fal").then().statusCode(403)
                .body("code", equalTo("not_granted")).body("quota", equalTo("fal_allowed"));
    }

    @Test
    void falItemsPastTheMonthlyBudgetAreRefused() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        String other = MediaApi.uploadOne(tenant.memberToken(), "camera.png", MediaApi.image("camera.png"));
        Limits.set(tenant.organizationId(), Map.of("fal_allowed", true, "fal_items_per_month", 1));

        fromMedia(List.of(media, other), "fal").then().statusCode(429)
                .body("code", equalTo("quota_exceeded")).body("quota", equalTo("fal_items_per_month"));
    }

    @Test
    void aRetryPastTheMonthlyQuotaIsRefusedLikeANewItemAndTheItemStaysFailed() {
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 1));
        // A uniform picture: the local generator refuses it, so the job's one item fails.
        String job = GenerationApi.submitOne(tenant.memberToken(), Map.of("grey.png", MarkerApi.flatImage()));
        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180))
                .body("status", equalTo("failed")).extract().path("items[0].id");
        // The failed local item gave its count back (nothing was made of it); the month's quota is then used up otherwise.
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 0));

        Api.bearer(tenant.memberToken()).post("/generations/" + job + "/items/" + item + "/retry").then().statusCode(429)
                .body("code", equalTo("quota_exceeded")).body("quota", equalTo("generations_per_month"));

        Api.bearer(tenant.memberToken()).get("/generations/" + job).then().statusCode(200)
                .body("status", equalTo("failed")).body("items[0].status", equalTo("failed")).body("items[0].attempts", equalTo(1));
        Api.bearer(tenant.memberToken()).get("/usage").then().body("generations_per_month.used", equalTo(0));
    }

    @Test
    void aLocalItemThatFailsGivesBackItsCountAgainstTheMonthsGenerations() {
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 1));
        // A uniform picture: the local generator refuses it, so the job's one item fails after a worker took it.
        String job = GenerationApi.submitOne(tenant.memberToken(), Map.of("grey.png", MarkerApi.flatImage()));
        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(180)).body("status", equalTo("failed"));

        Api.bearer(tenant.memberToken()).get("/usage").then().body("generations_per_month.used", equalTo(0));
    }

    @Test
    void ofConcurrentJobsForTheLastGenerationOnlyOneIsAccepted() throws Exception {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        Limits.set(tenant.organizationId(), Map.of("generations_per_month", 1));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> fromMedia(List.of(media), "local").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(attempts)) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 429);
        } finally {
            clients.shutdownNow();
        }
        Api.bearer(tenant.memberToken()).get("/usage").then().body("generations_per_month.used", equalTo(1));
    }

    private Response fromMedia(List<String> mediaIds, String provider) {
        return Api.bearer(tenant.memberToken())
                .body(Map.of("media_ids", mediaIds, "face_limit", Integer.parseInt(GenerationApi.FACE_LIMIT), "provider", provider))
                .post("/generations");
    }
}
