package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@ExtendWith(ArvServer.class)
class AuthenticationIT {

    @Test
    void loginReturnsABearerTokenThatIdentifiesThePerson() {
        String token = Api.platformAdminToken();

        Api.bearer(token).get("/me").then().statusCode(200)
                .body("kind", equalTo("user"))
                .body("name", equalTo(ArvServer.ADMIN_EMAIL))
                .body("roles", equalTo(List.of("member", "org-admin", "platform-admin")));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Api.anonymous().body(Map.of("email", ArvServer.ADMIN_EMAIL, "password", "not-the-password"))
                .post("/auth/login").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"));
        Api.anonymous().body(Map.of("email", "nobody@arv.test", "password", "not-the-password"))
                .post("/auth/login").then().statusCode(401)
                .body("code", equalTo("invalid_credentials"));
    }

    @Test
    void aRequestWithoutCredentialsIsAskedToAuthenticate() {
        Api.anonymous().get("/projects").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("authentication_required"));
    }

    @Test
    void anApiKeyWorksAsBearerAndAsXApiKey() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200);
        Api.anonymous().header("X-API-Key", tenant.userKey()).get("/projects").then().statusCode(200);
        Api.bearer(tenant.userKey()).get("/me").then().statusCode(200).body("kind", equalTo("api_key"));
    }

    @Test
    void aKeysScopeIsReadInAnyCaseAndAnsweredInCapitals() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("name", "lower", "scope", "admin")).post("/api-keys").then().statusCode(201)
                .body("scope", equalTo("ADMIN"));
        Api.bearer(tenant.adminToken()).body(Map.of("name", "mixed", "scope", "User")).post("/api-keys").then().statusCode(201)
                .body("scope", equalTo("USER"));
    }

    @Test
    void aKeysCreationAnswersTheCreationTimeALaterReadAnswers() {
        Api.Tenant tenant = Api.newTenant();
        var created = Api.bearer(tenant.adminToken()).body(Map.of("name", "timed", "scope", "USER")).post("/api-keys").then()
                .statusCode(201).extract();

        Api.bearer(tenant.adminToken()).get("/api-keys/" + created.path("id")).then().statusCode(200)
                .body("created_at", equalTo(created.path("created_at")));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Api.Tenant tenant = Api.newTenant();
        String key = Api.issueKey(tenant.adminToken(), "USER");
        String keyId = Api.bearer(key).get("/me").then().statusCode(200).extract().path("id");

        Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);

        Api.bearer(key).get("/projects").then().statusCode(401).body("code", equalTo("invalid_api_key"));
        Api.bearer(tenant.adminToken()).get("/api-keys/" + keyId).then().statusCode(200)
                .body("revoked_at", notNullValue());
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        Api.Tenant tenant = Api.newTenant();
        String userId = Api.bearer(tenant.adminToken()).get("/me").then().extract().path("id");
        String expired = TestTokens.signed("arv", userId, Instant.now().minusSeconds(3600));

        Api.bearer(expired).get("/projects").then().statusCode(401).body("code", equalTo("token_expired"));
    }

    @Test
    void aTokenThatIsStillValidIsAcceptedWhenSignedWithArvsKey() {
        Api.Tenant tenant = Api.newTenant();
        String userId = Api.bearer(tenant.adminToken()).get("/me").then().extract().path("id");

        Api.bearer(TestTokens.signed("arv", userId, Instant.now().plusSeconds(600))).get("/projects").then().statusCode(200);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = Api.platformAdminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        Api.bearer(tampered).get("/me").then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void aDeactivatedUserCanNoLongerUseTheirToken() {
        Api.Tenant tenant = Api.newTenant();
        String email = "leaver-" + tenant.organizationId().toString().substring(0, 8) + "@tenant.test";
        String leaverId = Api.bearer(tenant.adminToken())
                .body(Map.of("email", email, "password", tenant.password(), "role", "MEMBER"))
                .post("/users").then().statusCode(201).extract().path("id");
        String token = Api.login(email, tenant.password());

        Api.bearer(tenant.adminToken()).delete("/users/" + leaverId).then().statusCode(204);

        Api.bearer(token).get("/projects").then().statusCode(401);
    }

    @Test
    void aDeactivatedOrganizationCanNoLongerSignInOrUseItsKeys() {
        Api.Tenant tenant = Api.newTenant();
        String platform = Api.platformAdminToken();

        Api.bearer(platform).body(Map.of("active", false)).patch("/organizations/" + tenant.organizationId())
                .then().statusCode(200).body("active", equalTo(false));

        Api.bearer(tenant.userKey()).get("/projects").then().statusCode(401).body("code", equalTo("organization_inactive"));
        Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", tenant.password()))
                .post("/auth/login").then().statusCode(401).body("code", equalTo("invalid_credentials"));
    }

    @Test
    void thePlatformOrganizationCannotBeDeactivated() {
        String platform = Api.platformAdminToken();
        String organizationId = Api.bearer(platform).get("/me").then().extract().path("organization.id");

        Api.bearer(platform).body(Map.of("active", false)).patch("/organizations/" + organizationId)
                .then().statusCode(409).body("code", equalTo("platform_organization"));
    }

}
