package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Readiness follows the database: DOWN with a reason while it is gone, UP again when it is back — no
 * restart of ARV. The reason is public, so it is a category that names no host, port or version.
 */
@ExtendWith(ArvServer.class)
@Isolated("stops the database")
class ReadinessIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBackWithIt() throws InterruptedException {
        long payara = ArvServer.stack().payaraPid();
        String apiKey = Api.newTenant().userKey();
        ArvServer.stack().postgres().stop();
        try {
            JsonPath down = Readiness.await(503, PATIENCE);
            Map<String, Object> postgres = Readiness.check(down, "postgresql");
            assertThat(postgres.get("status")).isEqualTo("DOWN");
            assertThat(((Map<?, ?>) postgres.get("data")).get("reason")).isIn("unreachable", "timeout");
            assertThat(down.getList("checks.name", String.class)).as("readiness is the database alone").containsExactly("postgresql");
            String port = ArvServer.stack().jdbcUrl().replaceFirst(".*://[^:/]+:(\\d+).*", "$1");
            assertThat(down.prettify()).doesNotContain(port, "127.0.0.1", "localhost", "jdbc:", "redis://", "tcp://");
            // An API request meanwhile: the installation's state, said as such — not an internal error to report.
            Api.bearer(apiKey).get("/projects").then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("database_unavailable")).header("Retry-After", notNullValue());
            // Whoever scans a printed code meanwhile reads a page, not a problem document.
            RestAssured.given().baseUri(ArvServer.baseUrl()).get("/ar/AbCdEfGhIjKlMnOpQrSt").then().statusCode(503)
                    .contentType(containsString("text/html")).body(containsString("unavailable right now"))
                    .header("Retry-After", notNullValue());
        } finally {
            ArvServer.stack().postgres().start();
        }

        JsonPath up = Readiness.await(200, PATIENCE);

        assertThat(Readiness.check(up, "postgresql").get("status")).isEqualTo("UP");
        assertThat(ArvServer.stack().payaraPid()).isEqualTo(payara);
    }
}
