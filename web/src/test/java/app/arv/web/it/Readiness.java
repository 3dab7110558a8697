package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The server's public readiness as the outage tests watch it: poll until it answers a status, read one check. */
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

    static Map<String, Object> check(JsonPath health, String name) {
        return health.getMap("checks.find { it.name == '" + name + "' }");
    }
}
