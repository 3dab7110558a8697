package app.arv.web.it;

import app.arv.platform.ApplicationMetric;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What operators and client developers get besides the API: probes, metrics, the API description. */
@ExtendWith(ArvServer.class)
class OperationsIT {

    /** An outage test that ran before may still be recovering; these describe the healthy server. */
    @BeforeAll
    static void aHealthyServer() throws InterruptedException {
        Readiness.await(200, Duration.ofMinutes(2));
    }

    @Test
    void aCleartextConnectionIsNotUpgradedToHttp2() throws Exception {
        // The JDK client asks for h2c unless told otherwise; Grizzly's HTTP/2 deadlocked request threads in full runs.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void aClientOfferingAnH2cUpgradeGetsAStreamedDownloadWithItsContentType() throws Exception {
        // Grizzly writes a response committed while the request still runs (a stream) without Content-Type as long as
        // the request is marked as an upgrade; the offer is declined instead.
        Api.Tenant tenant = Api.newTenant();
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));

        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/media/" + media + "/content"))
                        .header("Authorization", "Bearer " + tenant.memberToken()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.body()).isEqualTo(MediaApi.image("horse.png"));
    }

    @Test
    void readinessIsUpAndFollowsTheDatabase() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("postgresql"));
    }

    @Test
    void livenessAndStartupAreUp() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/live").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItems("threads"));
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/started").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItems("schema"));
    }

    @Test
    void requestsAreCountedPerEndpointTemplate() {
        String metrics = applicationMetricsAfterAListing();

        assertThat(series(metrics, "arv_http_requests_total")).anyMatch(line -> line.contains("endpoint=\"/projects\"")
                && line.contains("method=\"GET\"") && line.contains("status=\"200\""));
        assertThat(series(metrics, "arv_http_request_duration_seconds_count")).anyMatch(line -> line.contains("endpoint=\"/projects\""));
        assertThat(series(metrics, "arv_logins_total")).anyMatch(line -> line.contains("outcome=\"success\""));
    }

    @Test
    void aMetricServedSaysWhatItCountsInItsHelpLine() {
        String metrics = applicationMetricsAfterAListing();

        for (ApplicationMetric metric : List.of(ApplicationMetric.HTTP_REQUESTS, ApplicationMetric.HTTP_REQUEST_DURATION, ApplicationMetric.LOGINS)) {
            assertThat(metrics.lines()).as("the HELP line of %s", metric.prometheusName())
                    .contains("# HELP " + metric.prometheusName() + " " + metric.description());
        }
    }

    /** ARV's own metrics once a new tenant's member has signed in and listed their projects. */
    private static String applicationMetricsAfterAListing() {
        Api.Tenant tenant = Api.newTenant();
        Api.bearer(tenant.memberToken()).get("/projects").then().statusCode(200);
        return RestAssured.given().baseUri(ArvServer.baseUrl()).queryParam("scope", "application")
                .get("/metrics").then().statusCode(200).extract().asString();
    }

    private static List<String> series(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + "{")).toList();
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).accept("application/json").get("/openapi").then().statusCode(200)
                .body(containsString("/api/v1/projects"))
                .body(containsString("/api/v1/auth/login"));
    }

    @Test
    void theSwaggerUiPageIsServed() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/swagger/").then().statusCode(200)
                .body(containsString("swagger-ui"));
    }
}
