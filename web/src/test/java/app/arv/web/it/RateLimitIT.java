package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Requests per credential, per organization's limits: every {@code /api/v1} answer says where the
 * caller stands, the request past the limit is a 429 problem with {@code Retry-After}. Each test has
 * an organization of its own with low limits set by the platform admin; counting tests use the hour
 * window (the minute stays high), so no window resets half-way through a test.
 */
@ExtendWith(ArvServer.class)
class RateLimitIT {

    private static final int PER_HOUR = 5;
    /** The client address of the made-up API keys (a documentation address, forwarded by the suite's trusted loopback). */
    private static final String GUESSER = "192.0.2.61";
    private static final String SOCKET_GUESSER = "192.0.2.63";

    private Api.Tenant tenant;

    @BeforeEach
    void anOrganizationWithFiveRequestsAnHour() {
        tenant = Api.newTenant();
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", PER_HOUR));
    }

    @Test
    void everyAnswerTellsTheLimitWhatIsLeftAndWhenItResets() {
        Response first = Api.bearer(tenant.userKey()).get("/projects");

        first.then().statusCode(200)
                .header("X-RateLimit-Limit", equalTo(String.valueOf(PER_HOUR)))
                .header("X-RateLimit-Remaining", equalTo(String.valueOf(PER_HOUR - 1)));
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isBetween(1L, 3600L);
    }

    @Test
    void errorAnswersCountAndTellToo() {
        Api.bearer(tenant.userKey()).get("/projects/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("X-RateLimit-Remaining", equalTo(String.valueOf(PER_HOUR - 1)));
    }

    @Test
    void theRequestPastTheLimitIsA429ProblemWithRetryAfterAtTheReset() {
        for (int i = 0; i < PER_HOUR; i++) {
            Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200);
        }

        Response refused = Api.bearer(tenant.userKey()).get("/projects");

        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited")).body("status", equalTo(429)).body("$", not(hasKey("quota")))
                .header("X-RateLimit-Limit", equalTo(String.valueOf(PER_HOUR)))
                .header("X-RateLimit-Remaining", equalTo("0"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(Long.parseLong(refused.header("X-RateLimit-Reset"))).isBetween(retryAfter - 1, retryAfter);
    }

    @Test
    void anotherKeyOfTheSameOrganizationHasItsOwnCount() {
        for (int i = 0; i <= PER_HOUR; i++) {
            Api.bearer(tenant.userKey()).get("/projects");
        }

        Api.bearer(tenant.adminKey()).get("/projects").then().statusCode(200)
                .header("X-RateLimit-Remaining", equalTo(String.valueOf(PER_HOUR - 1)));
    }

    @Test
    void theOrganizationsOverrideHoldsAllItsKeysTogetherAndNoOtherOrganization() {
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", 1000,
                "organization_requests_per_hour", 4));
        Api.Tenant other = Api.newTenant();
        for (int i = 0; i < 2; i++) {
            Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200);
            Api.bearer(tenant.adminKey()).get("/projects").then().statusCode(200);
        }

        Response refused = Api.bearer(tenant.adminKey()).get("/projects");

        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"))
                .body("detail", containsString("organization")).header("X-RateLimit-Limit", equalTo("4"))
                .header("X-RateLimit-Remaining", equalTo("0"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        Api.bearer(other.userKey()).get("/projects").then().statusCode(200);
        Api.bearer(other.adminKey()).get("/projects").then().statusCode(200);
    }

    @Test
    void aPersonIsCountedAcrossTheirTokens() {
        Api.bearer(tenant.adminToken()).get("/projects").then().statusCode(200);
        String secondToken = Api.login(tenant.adminEmail(), tenant.password());

        Api.bearer(secondToken).get("/projects").then().statusCode(200)
                .header("X-RateLimit-Remaining", equalTo(String.valueOf(PER_HOUR - 2)));
    }

    @Test
    void raisingTheLimitTakesEffectAtOnce() {
        for (int i = 0; i <= PER_HOUR; i++) {
            Api.bearer(tenant.userKey()).get("/projects");
        }

        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", 50));

        Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200)
                .header("X-RateLimit-Limit", equalTo("50"));
    }

    @Test
    void uploadsHaveTheirOwnSmallerLimitOnTop() {
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", 1000, "uploads_per_minute", 1));
        Limits.awaitMinuteWithAtLeast(20);
        MediaApi.upload(tenant.userKey(), "coins.png", MediaApi.image("coins.png")).statusCode(201)
                .header("X-RateLimit-Limit", equalTo("1")).header("X-RateLimit-Remaining", equalTo("0"));

        MediaApi.upload(tenant.userKey(), "coins.png", MediaApi.image("coins.png")).statusCode(429)
                .body("code", equalTo("rate_limited")).header("Retry-After", notNullValue());

        Api.bearer(tenant.userKey()).get("/media").then().statusCode(200).header("X-RateLimit-Limit", equalTo("1000"));
    }

    @Test
    void anUploadTheGeneralLimitRefusesDoesNotUseUpTheUploadLimit() {
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", PER_HOUR, "uploads_per_minute", 2));
        Limits.awaitMinuteWithAtLeast(20);
        for (int i = 0; i < PER_HOUR; i++) {
            Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200);
        }
        MediaApi.upload(tenant.userKey(), "coins.png", MediaApi.image("coins.png")).statusCode(429)
                .header("X-RateLimit-Limit", equalTo(String.valueOf(PER_HOUR)));
        // A new hourly limit is a new general bucket; the upload limit, unchanged, is the same bucket as before.
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", 1000, "uploads_per_minute", 2));

        MediaApi.upload(tenant.userKey(), "coins.png", MediaApi.image("coins.png")).statusCode(201);
        MediaApi.upload(tenant.userKey(), "coins.png", MediaApi.image("coins.png")).statusCode(201);
    }

    @Test
    void signingInIsNotCountedHere() {
        Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", tenant.password()))
                .post("/auth/login").then().statusCode(200).header("X-RateLimit-Limit", nullValue());
    }

    @Test
    void anonymousCallsAreCountedByClientAddress() {
        Api.anonymous().get("/projects").then().statusCode(401).header("X-RateLimit-Limit", notNullValue());
    }

    /**
     * A refused credential is answered before the request is counted as a caller's: it is counted against its address's
     * anonymous bucket. The suite's anonymous limit is a million a minute, so the test spends all but three of its own
     * address's minute in Redis after the first refusal, then sends made-up API keys until they are refused as 429.
     */
    @Test
    void madeUpApiKeysFromOneAddressEndInA429WithRetryAfter() {
        Limits.awaitMinuteWithAtLeast(20);
        try {
            Response first = madeUpApiKey(GUESSER);
            first.then().statusCode(401).body("code", equalTo("invalid_api_key"));
            spendAnonymous(GUESSER, Long.parseLong(first.header("X-RateLimit-Remaining")) - 3);

            for (int i = 0; i < 3; i++) {
                madeUpApiKey(GUESSER).then().statusCode(401).header("X-RateLimit-Remaining", equalTo(String.valueOf(2 - i)));
            }
            Response refused = madeUpApiKey(GUESSER);
            Response stillRefused = madeUpApiKey(GUESSER);

            refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            stillRefused.then().statusCode(429).header("Retry-After", notNullValue());
            madeUpApiKey("192.0.2.62").then().statusCode(401);
        } finally {
            forgetAnonymous(GUESSER);
            forgetAnonymous("192.0.2.62");
        }
    }

    /**
     * The organization's WebSocket checks its credential after the upgrade, outside the API's filters: a made-up one is
     * still charged to its address, and once the address's bucket is spent the handshake itself is refused with a 429.
     */
    @Test
    void madeUpTokensOnTheWebSocketAreChargedToTheirAddressUntilTheHandshakeIsA429() throws Exception {
        Limits.awaitMinuteWithAtLeast(20);
        try {
            Response first = madeUpApiKey(SOCKET_GUESSER);
            spendAnonymous(SOCKET_GUESSER, Long.parseLong(first.header("X-RateLimit-Remaining")) - 2);

            for (int i = 0; i < 2; i++) {
                try (EventSocket refused = EventSocket.openFrom(SOCKET_GUESSER, madeUpKey())) {
                    assertThat(refused.closeCodeWithin(30)).isEqualTo(1008);
                }
            }
            Throwable spent = catchThrowable(() -> EventSocket.openFrom(SOCKET_GUESSER, madeUpKey()));

            assertThat(spent).hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) spent.getCause()).getResponse().statusCode()).isEqualTo(429);
            madeUpApiKey(SOCKET_GUESSER).then().statusCode(429);
        } finally {
            forgetAnonymous(SOCKET_GUESSER);
        }
    }

    private static Response madeUpApiKey(String client) {
        return Api.anonymous().header("X-Forwarded-For", client).header("X-API-Key", madeUpKey()).get("/projects");
    }

    private static String madeUpKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "arv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Counts {@code requests} more in every window of the address's anonymous bucket, as if it had sent them. */
    private static void spendAnonymous(String client, long requests) {
        try (Jedis jedis = redis()) {
            for (String counter : jedis.keys("arv:rate:address:" + client + ":*")) {
                jedis.incrBy(counter, requests);
            }
        }
    }

    private static void forgetAnonymous(String client) {
        try (Jedis jedis = redis()) {
            var counters = jedis.keys("arv:rate:address:" + client + ":*");
            if (!counters.isEmpty()) {
                jedis.del(counters.toArray(String[]::new));
            }
        }
    }

    private static Jedis redis() {
        URI redis = URI.create(ArvServer.stack().redisUrl());
        return new Jedis(redis.getHost(), redis.getPort());
    }
}
