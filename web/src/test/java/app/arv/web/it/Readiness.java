package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's public readiness as the outage tests watch it (poll until it answers a status, read one check), and the
 * dependencies outside it as platform admins see them.
 */
final class Readiness {

    private Readiness() {
    }

    static JsonPath await(int status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            var response = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/ready");
            if (response.statusCode() == status) {
                return response.jsonPath();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("readiness stayed " + response.statusCode() + ": " + response.asString());
            }
            Thread.sleep(500);
        }
    }

    /**
     * Polls the platform admins' health report until the dependency outside readiness (redis, artemis) has the
     * status, and returns the report.
     */
    static JsonPath awaitDependency(String name, String status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonPath report = Api.bearer(Api.reusedPlatformAdminToken()).get("/admin/health").jsonPath();
            Map<String, Object> check = check(report, name);
            if (check != null && status.equals(check.get("status"))) {
                assertThat(check.get("kind")).as("the kind of " + name).isEqualTo("dependency");
                return report;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not become " + status + ": " + report.prettify());
            }
            Thread.sleep(500);
        }
    }

    static Map<String, Object> check(JsonPath health, String name) {
        return health.getMap("checks.find { it.name == '" + name + "' }");
    }
}
