package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Talks to the running ARV the way a client would: over HTTP, with JSON and real credentials. */
public final class Api {

    /** How long {@link #reusedPlatformAdminToken()} hands out one sign-in's token. */
    private static final Duration REUSED_TOKEN_AGE = Duration.ofMinutes(10);

    private static String reusedAdminToken;
    private static Instant reusedAdminSince;

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(ArvServer.baseUrl()).basePath("/api/v1").contentType(ContentType.JSON);
    }

    /**
     * A client address of its own for a request's X-Forwarded-For (the harness trusts 127.0.0.1 as a proxy): per-client
     * throttles then count that test's requests alone.
     */
    public static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public static String login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password))
                .post("/auth/login").then().statusCode(200).extract().path("access_token");
    }

    public static String platformAdminToken() {
        return login(ArvServer.ADMIN_EMAIL, ArvServer.ADMIN_PASSWORD);
    }

    /**
     * A platform admin's token for helpers and classes that ask as them many times (a poll every 200 ms, a dozen
     * requests per listing, every new tenant): one sign-in reused for {@link #REUSED_TOKEN_AGE}, well inside the token's
     * hour, instead of a sign-in (a session row and an audit entry) per request. A test about the platform admin's own
     * sign-in or sessions signs in itself ({@link #platformAdminToken()}).
     */
    public static synchronized String reusedPlatformAdminToken() {
        if (reusedAdminToken == null || reusedAdminSince.plus(REUSED_TOKEN_AGE).isBefore(Instant.now())) {
            reusedAdminToken = platformAdminToken();
            reusedAdminSince = Instant.now();
        }
        return reusedAdminToken;
    }

    /** A fresh organization with one admin, one member, and one key of each scope. */
    public static Tenant newTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@tenant.test";
        String password = "tenant-password-" + suffix;
        String organizationId = bearer(reusedPlatformAdminToken())
                .body(Map.of("name", "Tenant " + suffix, "slug", "tenant-" + suffix,
                        "admin", Map.of("email", adminEmail, "password", password)))
                .post("/organizations").then().statusCode(201).extract().path("id");
        String adminToken = login(adminEmail, password);
        String memberEmail = "member-" + suffix + "@tenant.test";
        bearer(adminToken).body(Map.of("email", memberEmail, "password", password, "role", "MEMBER"))
                .post("/users").then().statusCode(201);
        String memberToken = login(memberEmail, password);
        String userKey = issueKey(adminToken, "USER");
        String adminKey = issueKey(adminToken, "ADMIN");
        return new Tenant(UUID.fromString(organizationId), adminEmail, password, adminToken, memberToken, userKey, adminKey);
    }

    public static String issueKey(String adminToken, String scope) {
        return bearer(adminToken).body(Map.of("name", scope.toLowerCase() + " key", "scope", scope))
                .post("/api-keys").then().statusCode(201).extract().path("secret");
    }

    public record Tenant(UUID organizationId, String adminEmail, String password, String adminToken,
            String memberToken, String userKey, String adminKey) {
    }
}
