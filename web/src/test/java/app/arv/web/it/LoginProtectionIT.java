package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Sign-in and passwords as an attacker meets them: bcrypt's 72-byte limit is an input rule on
 * every field that sets a password, and a wrong answer at sign-in; repeated failures are held back
 * per account (the IT server's limit and first hold are {@link ArvServer#LOGIN_MAX_FAILURES} and 1 s),
 * known and unknown addresses alike; responses with credentials are not stored by caches.
 */
@ExtendWith(ArvServer.class)
class LoginProtectionIT {

    /** 73 bytes: one more than bcrypt keeps. */
    private static final String TOO_LONG = "x".repeat(73);
    /** 37 characters, 74 bytes in UTF-8. */
    private static final String TOO_LONG_IN_BYTES = "é".repeat(37);

    @Test
    void anOverlongPasswordAtSignInIsAWrongPassword() {
        Api.Tenant tenant = Api.newTenant();

        login(tenant.adminEmail(), "p".repeat(80)).then().statusCode(401).body("code", equalTo("invalid_credentials"));
    }

    @Test
    void aNewUsersPasswordIsLimitedTo72Bytes() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("email", email(), "password", TOO_LONG_IN_BYTES, "role", "MEMBER"))
                .post("/users").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("password"));
    }

    @Test
    void aPasswordOfExactly72BytesIsKeptWhole() {
        Api.Tenant tenant = Api.newTenant();
        String email = email();
        String password = "é".repeat(36);
        Api.bearer(tenant.adminToken()).body(Map.of("email", email, "password", password, "role", "MEMBER"))
                .post("/users").then().statusCode(201);

        Api.login(email, password);
        login(email, "é".repeat(35) + "e").then().statusCode(401);
    }

    @Test
    void aChangedPasswordIsLimitedTo72Bytes() {
        Api.Tenant tenant = Api.newTenant();
        String memberId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");

        Api.bearer(tenant.adminToken()).body(Map.of("password", TOO_LONG)).patch("/users/" + memberId).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("password"));
    }

    @Test
    void aFirstAdminsPasswordIsLimitedTo72Bytes() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Api.bearer(Api.platformAdminToken())
                .body(Map.of("name", "Long " + suffix, "slug", "long-" + suffix, "admin", Map.of("email", email(), "password", TOO_LONG)))
                .post("/organizations").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("admin.password"));
    }

    @Test
    void anAccountIsHeldBackAfterABurstOfFailuresEvenWithTheRightPassword() {
        Api.Tenant tenant = Api.newTenant();
        failUntilHeldBack(tenant.adminEmail());

        Response held = login(tenant.adminEmail(), tenant.password());

        held.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("too_many_attempts"));
        assertThat(Integer.parseInt(held.header("Retry-After"))).isPositive();
    }

    @Test
    void anUnknownAddressIsHeldBackAfterAsManyFailuresAsAKnownOne() {
        Api.Tenant tenant = Api.newTenant();

        assertThat(failUntilHeldBack(email())).isEqualTo(failUntilHeldBack(tenant.adminEmail())).isEqualTo(ArvServer.LOGIN_MAX_FAILURES);
    }

    @Test
    void theHoldGrowsWithFailuresAfterIt() throws InterruptedException {
        String email = email();
        failUntilHeldBack(email);
        int first = Integer.parseInt(login(email, "wrong-password-1").header("Retry-After"));
        Thread.sleep(first * 1000L + 200);

        login(email, "wrong-password-1").then().statusCode(401);

        Response held = login(email, "wrong-password-1");
        held.then().statusCode(429);
        assertThat(Integer.parseInt(held.header("Retry-After"))).isGreaterThan(first);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        Api.Tenant tenant = Api.newTenant();
        for (int i = 0; i < ArvServer.LOGIN_MAX_FAILURES - 1; i++) {
            login(tenant.adminEmail(), "wrong-password-1").then().statusCode(401);
        }
        Api.login(tenant.adminEmail(), tenant.password());

        for (int i = 0; i < ArvServer.LOGIN_MAX_FAILURES - 1; i++) {
            login(tenant.adminEmail(), "wrong-password-1").then().statusCode(401);
        }
        Api.login(tenant.adminEmail(), tenant.password());
    }

    @Test
    void aSignInAnswerIsNotStored() {
        Api.Tenant tenant = Api.newTenant();

        login(tenant.adminEmail(), tenant.password()).then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void aNewApiKeysSecretIsNotStored() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("name", "cached?", "scope", "USER")).post("/api-keys")
                .then().statusCode(201).header("Cache-Control", "no-store");
    }

    /** @return how many wrong passwords were answered 401 before the first 429 */
    private static int failUntilHeldBack(String email) {
        for (int failures = 0; failures < 50; failures++) {
            int status = login(email, "wrong-password-1").statusCode();
            if (status == 429) {
                return failures;
            }
            assertThat(status).isEqualTo(401);
        }
        throw new AssertionError("50 wrong passwords in a row were never held back");
    }

    private static Response login(String email, String password) {
        return Api.anonymous().body(Map.of("email", email, "password", password)).post("/auth/login");
    }

    private static String email() {
        return "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@tenant.test";
    }
}
