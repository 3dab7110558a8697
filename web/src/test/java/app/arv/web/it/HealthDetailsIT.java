package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Public health says names and UP/DOWN; versions, endpoints and errors are for platform admins only. */
@ExtendWith(ArvServer.class)
class HealthDetailsIT {

    /** An outage test that ran before may still be recovering; these describe the healthy server. */
    @BeforeAll
    static void aHealthyServer() throws InterruptedException {
        Readiness.await(200, Duration.ofMinutes(2));
    }

    @Test
    void publicHealthShowsNoVersionsOrEndpoints() {
        for (String path : new String[]{"/health", "/health/ready", "/health/live", "/health/started"}) {
            String body = RestAssured.given().baseUri(ArvServer.baseUrl()).get(path).then().statusCode(200).extract().asString();

            assertThat(body).as(path).doesNotContain("PostgreSQL", "redis://", "tcp://", "jdbc:", "\"version\"", "\"url\"",
                    "\"endpoint\"", "\"database\"");
        }
    }

    @Test
    void publicReadinessIsTheDatabaseAloneWithItsStatus() {
        JsonPath ready = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/ready").then().statusCode(200)
                .extract().jsonPath();

        assertThat(ready.getList("checks.name", String.class)).containsExactly("postgresql");
        assertThat(ready.getList("checks.status", String.class)).containsOnly("UP");
    }

    @Test
    void aPlatformAdminSeesVersionsAndEndpoints() {
        JsonPath details = Api.bearer(Api.platformAdminToken()).get("/admin/health").then().statusCode(200).extract().jsonPath();

        assertThat(details.getString("status")).isEqualTo("UP");
        assertThat(details.getString("checks.find { it.name == 'postgresql' }.data.database")).startsWith("PostgreSQL");
        assertThat(details.getString("checks.find { it.name == 'redis' }.data.endpoint")).isNotBlank();
        assertThat(details.getString("checks.find { it.name == 'artemis' }.data.url")).startsWith("tcp://");
        assertThat(details.getString("checks.find { it.name == 'redis' }.kind")).isEqualTo("dependency");
        assertThat(details.getString("checks.find { it.name == 'artemis' }.kind")).isEqualTo("dependency");
        assertThat(details.getString("checks.find { it.name == 'schema' }.data.version")).isNotBlank();
        assertThat(details.getString("checks.find { it.name == 'schema' }.kind")).isEqualTo("startup");
    }

    @Test
    void healthDetailsAreRefusedToOrganizationAdminsAndAnonymousCallers() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).get("/admin/health").then().statusCode(403);
        Api.anonymous().get("/admin/health").then().statusCode(401);
    }
}
