package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The password rules through HTTP, where people get passwords: refused with 422 weak_password naming the rule. */
@ExtendWith(ArvServer.class)
class PasswordPolicyIT {

    @Test
    void aCommonPasswordIsRefusedForANewPerson() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("email", "bob-" + UUID.randomUUID() + "@tenant.test", "password", "qwertyuiop", "role", "MEMBER"))
                .post("/users").then().statusCode(422).body("code", equalTo("weak_password")).body("detail", containsString("most common"));
    }

    @Test
    void aPasswordContainingTheAddressIsRefusedForAnOrganizationsFirstAdmin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Api.bearer(Api.platformAdminToken()).body(Map.of("name", "Weak " + suffix, "slug", "weak-" + suffix,
                "admin", Map.of("email", "boss-" + suffix + "@tenant.test", "password", "Boss-" + suffix + "-2026!")))
                .post("/organizations").then().statusCode(422).body("code", equalTo("weak_password"))
                .body("detail", containsString("name part"));
    }

    @Test
    void aPasswordTooShortIsAWeakPasswordForANewPerson() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("email", "short-" + UUID.randomUUID() + "@tenant.test", "password", "Xq7#pL2", "role", "MEMBER"))
                .post("/users").then().statusCode(422).body("code", equalTo("weak_password")).body("detail", containsString("at least"));
    }

    @Test
    void aPasswordTooShortIsAWeakPasswordWhenAnAdminChangesIt() {
        Api.Tenant tenant = Api.newTenant();
        String user = Api.bearer(tenant.adminToken()).body(Map.of("email", "carol-" + UUID.randomUUID() + "@tenant.test",
                "password", "Plenty-long-2026!", "role", "MEMBER")).post("/users").then().statusCode(201).extract().path("id");

        Api.bearer(tenant.adminToken()).body(Map.of("password", "Xq7#pL2")).patch("/users/" + user).then()
                .statusCode(422).body("code", equalTo("weak_password")).body("detail", containsString("at least"));
    }

    @Test
    void aPasswordTooShortIsAWeakPasswordForAnOrganizationsFirstAdmin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Api.bearer(Api.platformAdminToken()).body(Map.of("name", "Short " + suffix, "slug", "short-" + suffix,
                "admin", Map.of("email", "first-" + suffix + "@tenant.test", "password", "Xq7#pL2")))
                .post("/organizations").then().statusCode(422).body("code", equalTo("weak_password"))
                .body("detail", containsString("at least"));
    }
}
