package app.arv.web.it;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** The public viewer: no credentials, only the unique id; unknown 404, ended 410, one view per manifest fetch. */
@ExtendWith(ArvServer.class)
class ViewerIT {

    private static Api.Tenant tenant;
    private static String project;
    private static String readyId;
    private static String readyUniqueId;

    /** One compiled portrait shared by the tests that only read it. */
    @BeforeAll
    static void aReadyPortrait() {
        tenant = Api.newTenant();
        project = MarkerApi.newProject(tenant.memberToken());
        readyId = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), readyId, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        readyUniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + readyId).then().extract().path("unique_id");
    }

    private static String readyCopy() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        return id;
    }

    private static String uniqueIdOf(String id) {
        return MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");
    }

    @Test
    void theManifestNamesTheMarkerAndTheTargetSizeWithoutCredentials() {
        Api.anonymous().get("/viewer/" + readyUniqueId + "/manifest").then().statusCode(200)
                .body("mind_url", equalTo("/api/v1/viewer/" + readyUniqueId + "/marker.mind"))
                .body("target_width", equalTo(451)).body("target_height", equalTo(300))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("customer_email")));
    }

    @Test
    void theMarkerFileIsServedWithoutCredentials() {
        byte[] mind = RestAssured.given().baseUri(ArvServer.baseUrl())
                .get("/api/v1/viewer/" + readyUniqueId + "/marker.mind").then().statusCode(200)
                .contentType("application/octet-stream").extract().asByteArray();

        assertThat(mind.length).isGreaterThan(1000);
    }

    @Test
    void theMarkerFileIsAskedForAgainOnEveryUseAndAnUnchangedOneIsNotSentTwice() {
        String etag = Api.anonymous().get("/viewer/" + readyUniqueId + "/marker.mind").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).extract().header("ETag");

        Api.anonymous().header("If-None-Match", etag).get("/viewer/" + readyUniqueId + "/marker.mind").then().statusCode(304);
    }

    @Test
    void anUnknownIdIsNotFoundForTheManifestAndThePage() {
        Api.anonymous().get("/viewer/AAAAAAAAAAAAAAAAAAAAAA/manifest").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("could not find"));
    }

    @Test
    void theFriendlyPageSpeaksRussianToARussianPhone() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .get("/ar/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("lang=\"ru\""), containsString("Мы не нашли AR-контент"));
    }

    @Test
    void aTrailingSlashAfterTheCodeStillOpensTheViewer() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/AAAAAAAAAAAAAAAAAAAAAA/").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("could not find"));
    }

    @Test
    void expiredContentIsGoneForTheManifestAndThePage() {
        String id = readyCopy();
        Api.bearer(tenant.memberToken()).body(Map.of("expires_at", Instant.now().minusSeconds(60).toString()))
                .patch("/ar-content/" + id).then().statusCode(200);
        String uniqueId = uniqueIdOf(id);

        Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(410).body("code", equalTo("ar_content_expired"));
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/" + uniqueId).then().statusCode(410)
                .contentType(containsString("text/html")).body(containsString("ended"));
    }

    @Test
    void unpublishedContentIsNotFound() {
        String id = readyCopy();
        Api.bearer(tenant.memberToken()).body(Map.of("published", false)).patch("/ar-content/" + id).then().statusCode(200);

        Api.anonymous().get("/viewer/" + uniqueIdOf(id) + "/manifest").then().statusCode(404);
    }

    @Test
    void contentNotYetCompiledIsNotFound() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("failed"));

        Api.anonymous().get("/viewer/" + uniqueIdOf(id) + "/manifest").then().statusCode(404);
    }

    @Test
    void eachManifestFetchCountsOneViewAndFileFetchesCountNone() {
        String id = readyCopy();
        String uniqueId = uniqueIdOf(id);

        for (int i = 0; i < 3; i++) {
            Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
        }
        Api.anonymous().get("/viewer/" + uniqueId + "/marker.mind").then().statusCode(200);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/" + uniqueId).then().statusCode(200);

        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().body("views_count", equalTo(3));
    }

    @Test
    void theViewerPageIsServedForReadyContent() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/" + readyUniqueId).then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", equalTo("no-store"))
                .body(containsString("mindar-image-three.prod.js"));
    }

    @Test
    void theViewerBundlesMindArAndThreeFromTheWar() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/vendor/mind-ar/dist/mindar-image-three.prod.js").then()
                .statusCode(200);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/vendor/three/build/three.module.js").then()
                .statusCode(200).header("Content-Type", endsWith("javascript"));
    }

    @Test
    void aVideoOverlayIsNamedInTheManifestAndServedPublicly() {
        String id = readyCopy();
        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201);
        String uniqueId = uniqueIdOf(id);

        Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200)
                .body("overlay.kind", equalTo("video")).body("overlay.media_type", equalTo("video/mp4"))
                .body("overlay.url", equalTo("/api/v1/viewer/" + uniqueId + "/overlay"));
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/api/v1/viewer/" + uniqueId + "/overlay").then()
                .statusCode(200).contentType("video/mp4").header("Accept-Ranges", "bytes");
    }

    @Test
    void aVideoOverlayIsServedInTheRangesABrowsersVideoElementAsksFor() {
        String id = readyCopy();
        byte[] clip = MediaApi.image("clip.mp4");
        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", clip, "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201);

        byte[] first = overlayRange(uniqueIdOf(id), 0, 99);
        byte[] next = overlayRange(uniqueIdOf(id), 100, 199);

        assertThat(first).isEqualTo(Arrays.copyOfRange(clip, 0, 100));
        assertThat(next).isEqualTo(Arrays.copyOfRange(clip, 100, 200));
    }

    /** The overlay's bytes {@code first..last}, asked for as iOS Safari's video element asks: one range at a time. */
    static byte[] overlayRange(String uniqueId, int first, int last) {
        return RestAssured.given().baseUri(ArvServer.baseUrl()).header("Range", "bytes=" + first + "-" + last)
                .get("/api/v1/viewer/" + uniqueId + "/overlay").then().statusCode(206)
                .header("Content-Range", matchesPattern("bytes " + first + "-" + last + "/\\d+")).extract().asByteArray();
    }

    @Test
    void contentOfADeactivatedOrganizationIsUnknown() {
        Api.Tenant closing = Api.newTenant();
        String id = MarkerApi.createOne(closing.memberToken(), MarkerApi.newProject(closing.memberToken()), "coins.png",
                MediaApi.image("coins.png"));
        MarkerApi.awaitMarker(closing.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        String uniqueId = MediaApi.as(closing.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");
        Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);

        Api.bearer(Api.platformAdminToken()).body(Map.of("active", false)).patch("/organizations/" + closing.organizationId())
                .then().statusCode(200);

        Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(404).body("code", equalTo("not_found"));
        Api.anonymous().get("/viewer/" + uniqueId + "/marker.mind").then().statusCode(404);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/" + uniqueId).then().statusCode(404);
    }
}
