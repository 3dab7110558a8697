package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** A person changes their own password through HTTP: it takes the current one, and ends the sessions opened before. */
@ExtendWith(ArvServer.class)
class OwnPasswordIT {

    private static final String NEW_PASSWORD = "violet-harbour-47-lanterns";

    @Test
    void aTokenIssuedBeforeAPasswordChangeIsRefusedAfterItAndANewSignInWorks() {
        Api.Tenant tenant = Api.newTenant();
        String before = tenant.memberToken();

        String fresh = Api.bearer(before).body(Map.of("current_password", tenant.password(), "new_password", NEW_PASSWORD))
                .post("/me/password").then().statusCode(200).extract().path("access_token");

        Api.bearer(before).get("/me").then().statusCode(401).body("code", equalTo("token_revoked"));
        Api.bearer(fresh).get("/me").then().statusCode(200);
        String email = Api.bearer(fresh).get("/me").then().extract().path("name");
        Api.bearer(Api.login(email, NEW_PASSWORD)).get("/me").then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("current_password", "not-the-password-1", "new_password", NEW_PASSWORD))
                .post("/me/password").then().statusCode(422).body("code", equalTo("wrong_password"));

        Api.bearer(tenant.adminToken()).get("/me").then().statusCode(200);
        Api.login(tenant.adminEmail(), tenant.password());
    }

    @Test
    void aWeakNewPasswordIsRefusedNamingTheRule() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("current_password", tenant.password(), "new_password", "password123"))
                .post("/me/password").then().statusCode(422).body("code", equalTo("weak_password"));
    }

    @Test
    void anApiKeyHasNoPasswordToChange() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminKey()).body(Map.of("current_password", tenant.password(), "new_password", NEW_PASSWORD))
                .post("/me/password").then().statusCode(403);
    }
}
