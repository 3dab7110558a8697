package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the database: DOWN with a reason while it is gone, UP again when it is back — no
 * restart of ARV. The reason is public, so it is a category that names no host, port or version.
 */
@ExtendWith(ArvServer.class)
class ReadinessIT {

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBackWithIt() throws InterruptedException {
        long payara = ArvServer.stack().payaraPid();
        ArvServer.stack().postgres().stop();
        try {
            JsonPath down = awaitReadiness(503);
            Map<String, Object> postgres = check(down, "postgresql");
            assertThat(postgres.get("status")).isEqualTo("DOWN");
            assertThat(((Map<?, ?>) postgres.get("data")).get("reason")).isIn("unreachable", "timeout");
            assertThat(check(down, "redis").get("status")).isEqualTo("UP");
            String port = ArvServer.stack().jdbcUrl().replaceFirst(".*://[^:/]+:(\\d+).*", "$1");
            assertThat(down.prettify()).doesNotContain(port, "127.0.0.1", "localhost", "jdbc:", "redis://", "tcp://");
        } finally {
            ArvServer.stack().postgres().start();
        }

        JsonPath up = awaitReadiness(200);

        assertThat(check(up, "postgresql").get("status")).isEqualTo("UP");
        assertThat(ArvServer.stack().payaraPid()).isEqualTo(payara);
    }

    private static Map<String, Object> check(JsonPath health, String name) {
        return health.getMap("checks.find { it.name == '" + name + "' }");
    }

    private static JsonPath awaitReadiness(int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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
}
