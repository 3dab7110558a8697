package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * Resolved credentials are cached per node, yet a revoked key, a deactivated person or organization, an ended
 * session and a demoted admin are refused on the very next request, on the node that made the change and on
 * another one (a second ARV process sharing the suite's PostgreSQL and Redis) — after each node has
 * just served the credential, so its cache is warm.
 */
@ExtendWith(ArvServer.class)
@Order(2)
@Isolated("runs with the second node up, which would take compile and generation work of other classes (see SecondNode)")
class CredentialChangeIT {

    private static final int WARM_UP = 3;

    @RegisterExtension
    static final SecondNode nodeB = new SecondNode();

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequestOnEveryNode() {
        Api.Tenant tenant = Api.newTenant();
        String key = Api.issueKey(tenant.adminToken(), "USER");
        String keyId = warm(key, "/me").extract().path("id");

        Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);

        onA(key).get("/projects").then().statusCode(401).body("code", equalTo("invalid_api_key"));
        onB(key).get("/projects").then().statusCode(401).body("code", equalTo("invalid_api_key"));
    }

    @Test
    void aDeactivatedUserIsRefusedOnTheNextRequestOnEveryNode() {
        Api.Tenant tenant = Api.newTenant();
        String memberId = warm(tenant.memberToken(), "/me").extract().path("id");

        Api.bearer(tenant.adminToken()).delete("/users/" + memberId).then().statusCode(204);

        onA(tenant.memberToken()).get("/projects").then().statusCode(401);
        onB(tenant.memberToken()).get("/projects").then().statusCode(401);
    }

    @Test
    void aDeactivatedOrganizationsPeopleAndKeysAreRefusedOnTheNextRequestOnEveryNode() {
        Api.Tenant tenant = Api.newTenant();
        warm(tenant.memberToken(), "/projects");
        warm(tenant.userKey(), "/projects");

        Api.bearer(Api.platformAdminToken()).body(Map.of("active", false)).patch("/organizations/" + tenant.organizationId())
                .then().statusCode(200);

        for (String credential : new String[]{tenant.memberToken(), tenant.userKey()}) {
            onA(credential).get("/projects").then().statusCode(401).body("code", equalTo("organization_inactive"));
            onB(credential).get("/projects").then().statusCode(401).body("code", equalTo("organization_inactive"));
        }
    }

    @Test
    void aDemotedAdminLosesAdminRightsOnTheNextRequestOnEveryNode() {
        Api.Tenant tenant = Api.newTenant();
        String email = "second-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@tenant.test";
        String secondId = Api.bearer(tenant.adminToken()).body(Map.of("email", email, "password", tenant.password(), "role", "ADMIN"))
                .post("/users").then().statusCode(201).extract().path("id");
        String second = Api.login(email, tenant.password());
        warm(second, "/users");

        Api.bearer(tenant.adminToken()).body(Map.of("role", "MEMBER")).patch("/users/" + secondId).then().statusCode(200);

        onA(second).get("/users").then().statusCode(403);
        onB(second).get("/users").then().statusCode(403);
        onA(second).get("/projects").then().statusCode(200);
    }

    @Test
    void aSignedOutSessionsAccessTokenIsRefusedOnTheNextRequestOnEveryNode() {
        Api.Tenant tenant = Api.newTenant();
        warm(tenant.memberToken(), "/projects");
        warm(tenant.adminToken(), "/projects");

        onB(tenant.memberToken()).body(Map.of()).post("/auth/logout").then().statusCode(204);

        onA(tenant.memberToken()).get("/projects").then().statusCode(401).body("code", equalTo("session_ended"));
        onB(tenant.memberToken()).get("/projects").then().statusCode(401).body("code", equalTo("session_ended"));
        onA(tenant.adminToken()).get("/projects").then().statusCode(200);
    }

    /** Uses the credential a few times on both nodes, so each has it cached; returns the last answer (from A). */
    private static io.restassured.response.ValidatableResponse warm(String credential, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            onB(credential).get(path).then().statusCode(200);
        }
        io.restassured.response.ValidatableResponse last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = onA(credential).get(path).then().statusCode(200);
        }
        return last;
    }

    private static RequestSpecification onA(String credential) {
        return Api.bearer(credential);
    }

    private static RequestSpecification onB(String credential) {
        return RestAssured.given().baseUri(nodeB.get().baseUrl()).basePath("/api/v1").contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + credential);
    }
}
