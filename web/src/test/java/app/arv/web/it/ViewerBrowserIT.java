package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The compiled marker and the viewer page in a real browser: headless Chromium whose fake camera shows
 * the portrait, the real MindAR 1.2.5 runtime (the copy bundled in the WAR, for the page).
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class ViewerBrowserIT {

    private static final String PORTRAIT = "chelsea.png";

    private static Api.Tenant tenant;
    private static String contentId;
    private static String uniqueId;

    @TempDir
    Path temp;

    @BeforeAll
    static void aReadyPortraitWithAVideoOverlay() {
        tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        contentId = MarkerApi.createOne(tenant.memberToken(), project, PORTRAIT, MediaApi.image(PORTRAIT));
        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                .post("/ar-content/" + contentId + "/overlays").then().statusCode(201);
        MarkerApi.awaitMarker(tenant.memberToken(), contentId, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + contentId).then().extract().path("unique_id");
    }

    private Path portraitFile() throws Exception {
        Path image = temp.resolve(PORTRAIT);
        Files.write(image, MediaApi.image(PORTRAIT));
        return image;
    }

    @Test
    void theStoredMindIsDetectedByTheRealMindArRuntime() throws Exception {
        BrowserE2e browser = BrowserE2e.require();
        Path mind = temp.resolve("marker.mind");
        Files.write(mind, MediaApi.as(tenant.memberToken()).get("/ar-content/" + contentId + "/marker/file").then()
                .statusCode(200).extract().asByteArray());

        JsonPath result = JsonPath.from(browser.track(portraitFile(), mind));

        assertThat(result.getBoolean("results[0].found")).as(result.prettify()).isTrue();
        assertThat(result.getDouble("results[0].cornerErrorPx")).as(result.prettify()).isLessThan(20.0);
    }

    @Test
    void theViewerPageFindsTheTargetAndPlaysTheVideoOnIt() throws Exception {
        BrowserE2e browser = BrowserE2e.require();

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + uniqueId, portraitFile()));

        assertThat(page.getString("error")).as(page.prettify()).isNull();
        assertThat(page.getBoolean("found")).as(page.prettify()).isTrue();
        assertThat(page.getString("overlayKind")).isEqualTo("video");
        assertThat(page.getInt("overlayFrames")).as(page.prettify()).isGreaterThanOrEqualTo(10);
        assertThat(page.getBoolean("videoPlaying")).as(page.prettify()).isTrue();
        // Everything (page, mind-ar, three, .mind, video) came from ARV: no CDN at run time.
        assertThat(page.getList("externalRequests")).isEmpty();
        // ... and the page's strict Content-Security-Policy blocked nothing of it.
        assertThat(page.getList("cspViolations")).as(page.prettify()).isEmpty();
    }

    @Test
    void swaggerUiRendersTheApiUnderItsContentSecurityPolicyAndKeepsNoCredentialInLocalStorage() throws Exception {
        BrowserE2e browser = BrowserE2e.require();

        JsonPath page = JsonPath.from(browser.swagger(ArvServer.baseUrl() + "/swagger/"));

        assertThat(page.getInt("operations")).as(page.prettify()).isGreaterThan(10);
        assertThat(page.getList("cspViolations")).as(page.prettify()).isEmpty();
        assertThat(page.getList("errors")).as(page.prettify()).isEmpty();
        // Authorized in the page (a credential in each scheme), and nothing of it kept on ARV's origin for later pages.
        assertThat(page.getInt("authorizedSchemes")).as(page.prettify()).isEqualTo(2);
        assertThat(page.getString("storedAuthorization")).as(page.prettify()).isNull();
    }

    @Test
    void aDeniedCameraIsExplainedOnThePageAndCountsNoView() throws Exception {
        BrowserE2e browser = BrowserE2e.require();
        int viewsBefore = viewsCount();

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + uniqueId, portraitFile(), "--deny-camera"));

        assertThat(page.getString("phase")).as(page.prettify()).isEqualTo("camera-denied");
        assertThat(page.getBoolean("found")).isFalse();
        assertThat(viewsCount()).isEqualTo(viewsBefore);
    }

    @Test
    void aRussianPhoneReadsTheViewerInRussian() throws Exception {
        BrowserE2e browser = BrowserE2e.require();

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + uniqueId, portraitFile(), "--deny-camera",
                "--lang", "ru-RU"));

        assertThat(page.getString("phase")).as(page.prettify()).isEqualTo("camera-denied");
        assertThat(page.getString("message")).isEqualTo("Доступ к камере запрещён");
        assertThat(page.getString("lang")).isEqualTo("ru");
    }

    @Test
    void contentGoneAfterThePageWasServedIsToldInTheWordsOfTheFriendlyPage() throws Exception {
        BrowserE2e browser = BrowserE2e.require();
        String friendlyPage = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .extract().asString();

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + uniqueId, portraitFile(), "--manifest-status", "404"));

        assertThat(page.getString("phase")).as(page.prettify()).isEqualTo("not-found");
        assertThat(friendlyPage).contains("<h1>" + page.getString("message") + "</h1><p>" + page.getString("messageText") + "</p>");
    }

    @Test
    void aNetworkOverTheLimitIsToldToWaitInTheWordsOfTheFriendlyPage() throws Exception {
        BrowserE2e browser = BrowserE2e.require();

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + uniqueId, portraitFile(), "--manifest-status", "429"));

        // what the servlet's page over the limit says too (ViewerRateLimitIT), with the manifest's Retry-After (30)
        assertThat(page.getString("phase")).as(page.prettify()).isEqualTo("rate-limited");
        assertThat(page.getString("message")).isEqualTo("Too many scans from this network");
        assertThat(page.getString("messageText")).isEqualTo("Please wait 30 seconds and reload the page.");
    }

    private static int viewsCount() {
        return MediaApi.as(tenant.memberToken()).get("/ar-content/" + contentId).then().statusCode(200).extract().path("views_count");
    }

    @Test
    void theViewerPageShowsAGlbModelOnTheTarget() throws Exception {
        BrowserE2e browser = BrowserE2e.require();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, PORTRAIT, MediaApi.image(PORTRAIT));
        MediaApi.as(tenant.memberToken()).multiPart("file", "horse.glb", MarkerApi.model(), "model/gltf-binary")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201);
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        String glbUniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");

        JsonPath page = JsonPath.from(browser.viewer(ArvServer.baseUrl() + "/ar/" + glbUniqueId, portraitFile()));

        assertThat(page.getString("error")).as(page.prettify()).isNull();
        assertThat(page.getBoolean("found")).as(page.prettify()).isTrue();
        assertThat(page.getString("overlayKind")).isEqualTo("glb");
        assertThat(page.getInt("overlayFrames")).as(page.prettify()).isGreaterThanOrEqualTo(10);
        assertThat(page.getList("cspViolations")).as(page.prettify()).isEmpty();
    }
}
