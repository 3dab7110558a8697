package app.arv.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Nobody manages an account that can do more than they can: an organization admin, person or API
 * key, of the platform's own organization cannot reset, demote or deactivate the platform admin
 * (whose account would then be theirs), and so can't reach platform-admin power through it.
 */
@ExtendWith(ArvServer.class)
class PlatformAdminProtectionIT {

    private static String platformToken;
    private static String platformAdminId;
    private static String adminKey;
    private static String orgAdminToken;

    @BeforeAll
    static void platformOrganizationWithAnAdminKeyAndAnOrgAdmin() {
        platformToken = Api.platformAdminToken();
        platformAdminId = Api.bearer(platformToken).get("/me").then().statusCode(200).extract().path("id");
        adminKey = Api.issueKey(platformToken, "ADMIN");
        String email = "platform-org-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@arv.test";
        Api.bearer(platformToken).body(Map.of("email", email, "password", "org-admin-password-1", "role", "ADMIN"))
                .post("/users").then().statusCode(201);
        orgAdminToken = Api.login(email, "org-admin-password-1");
    }

    @Test
    void anAdminKeyCannotSetThePlatformAdminsPassword() {
        Api.bearer(adminKey).body(Map.of("password", "taken-over-password-1"))
                .patch("/users/" + platformAdminId).then().statusCode(403).body("code", equalTo("forbidden"));

        Api.login(ArvServer.ADMIN_EMAIL, ArvServer.ADMIN_PASSWORD);
    }

    @Test
    void anAdminKeyCannotDeactivateThePlatformAdmin() {
        Api.bearer(adminKey).delete("/users/" + platformAdminId).then().statusCode(403).body("code", equalTo("forbidden"));

        Api.bearer(platformToken).get("/me").then().statusCode(200);
    }

    @Test
    void anOrgAdminCannotSetThePlatformAdminsPassword() {
        Api.bearer(orgAdminToken).body(Map.of("password", "taken-over-password-1"))
                .patch("/users/" + platformAdminId).then().statusCode(403).body("code", equalTo("forbidden"));

        Api.login(ArvServer.ADMIN_EMAIL, ArvServer.ADMIN_PASSWORD);
    }

    @Test
    void anOrgAdminCannotDemoteThePlatformAdmin() {
        Api.bearer(orgAdminToken).body(Map.of("role", "MEMBER"))
                .patch("/users/" + platformAdminId).then().statusCode(403).body("code", equalTo("forbidden"));

        Api.bearer(platformToken).get("/users/" + platformAdminId).then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void anOrgAdminCannotDeactivateThePlatformAdmin() {
        Api.bearer(orgAdminToken).body(Map.of("active", false))
                .patch("/users/" + platformAdminId).then().statusCode(403).body("code", equalTo("forbidden"));

        Api.bearer(platformToken).get("/users/" + platformAdminId).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aPlatformFlagInAUserChangeIsRefusedAndChangesNothing() {
        Api.Tenant tenant = Api.newTenant();
        String memberId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");

        Api.bearer(tenant.adminKey()).body(Map.of("platform_admin", true, "role", "ADMIN"))
                .patch("/users/" + memberId).then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("platform_admin"));

        Api.bearer(tenant.adminToken()).get("/users/" + memberId).then().statusCode(200)
                .body("platform_admin", equalTo(false)).body("role", equalTo("MEMBER"));
    }

    @Test
    void anOrgAdminStillManagesAnotherOrgAdmin() {
        Api.Tenant tenant = Api.newTenant();
        String memberId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");
        Api.bearer(tenant.adminToken()).body(Map.of("role", "ADMIN")).patch("/users/" + memberId).then().statusCode(200);

        Api.bearer(tenant.adminKey()).body(Map.of("password", "a-new-password-1"))
                .patch("/users/" + memberId).then().statusCode(200);
    }
}
