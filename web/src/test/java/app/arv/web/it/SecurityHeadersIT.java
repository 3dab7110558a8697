package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The browser-facing protections: on every answer of the application, and the viewer's and Swagger UI's own policies. */
@ExtendWith(ArvServer.class)
class SecurityHeadersIT {

    @Test
    void anApiAnswerForbidsSniffingFramingAndLoadingAnything() {
        Api.Tenant tenant = Api.newTenant();

        Response response = Api.bearer(tenant.memberToken()).get("/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertProtective(response);
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void anErrorAnswerCarriesTheSameHeaders() {
        Response response = Api.anonymous().get("/projects");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProtective(response);
    }

    @Test
    void hstsIsNotSentUnlessConfigured() {
        Response response = Api.anonymous().get("/projects");

        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void theViewerPageHasAStrictPolicyNamingNoOtherOriginAndOnlyTheCamera() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        String uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");

        Response page = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/" + uniqueId);

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "worker-src blob:", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "'unsafe-eval'", "http:", "https:", "*");
        assertThat(page.header("Permissions-Policy")).contains("camera=(self)", "microphone=()", "geolocation=()");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theViewerNotFoundPageAllowsNothingButItsOwnStyle() {
        Response page = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("script-src");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theConsolesAndTheViewersFilesAreCheckedAgainEveryTimeSoAnUpgradeReachesBrowsersAtOnce() {
        for (String file : List.of("/console/", "/console/index.html", "/console/console.css", "/console/js/main.js",
                "/console/js/core.js", "/console/i18n/en.json", "/console/vendor/htm/preact/standalone.module.js", "/ar/viewer.js",
                "/ar/viewer.css", "/ar/messages.json", "/ar/vendor/three/build/three.module.js",
                "/ar/vendor/mind-ar/dist/mindar-image-three.prod.js")) {
            Response response = RestAssured.given().baseUri(ArvServer.baseUrl()).get(file);

            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(file).isEqualTo("no-cache");
        }
    }

    @Test
    void swaggerUiGetsAPolicyForItsOwnScriptsOnly() {
        Response page = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/swagger/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval");
        assertThat(page.asString()).doesNotContain("<script>");
        assertProtective(page);
    }

    private static void assertProtective(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Permissions-Policy")).contains("camera=()");
    }
}
