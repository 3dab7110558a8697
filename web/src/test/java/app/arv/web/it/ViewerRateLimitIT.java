package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The public viewer allows each client address {@code ARV_VIEWER_REQUESTS_PER_MINUTE} requests a
 * clock minute (the suite keeps the default, 120), counted in Redis by the API's rate limiter. The tests here are a client
 * of their own ({@link #CLIENT}); each starts from a fresh bucket and removes it again, and makes the requests it counts
 * within one clock minute ({@link #inOneClockMinute}).
 */
@ExtendWith(ArvServer.class)
class ViewerRateLimitIT {

    private static final int LIMIT = 120;
    private static final String BUCKETS = "arv:viewer:rate:*";
    /**
     * The client these tests are (a documentation address, forwarded by the suite's loopback, a trusted proxy): the viewer
     * traffic of the classes running beside this one comes from loopback, so it neither counts against this class's limit
     * nor is refused because of it.
     */
    private static final String CLIENT = "203.0.113.50";

    private static String uniqueId;

    @BeforeAll
    static void aReadyPortrait() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
        uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");
    }

    @BeforeEach
    @AfterEach
    void noBucketLeft() {
        forgetBuckets();
    }

    @Test
    void theRequestAfterTheLimitIsRefusedAsAProblemWithRetryAfter() {
        inOneClockMinute(() -> {
            useUpTheLimit();

            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429)).body("code", equalTo("rate_limited"))
                    .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)));
        });
    }

    @Test
    void viewerAnswersTellTheViewersLimit() {
        viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200)
                .header("X-RateLimit-Limit", equalTo(String.valueOf(LIMIT)))
                .header("X-RateLimit-Remaining", equalTo(String.valueOf(LIMIT - 1)));
    }

    @Test
    void theViewerPageOfAClientOverTheLimitIsAFriendlyPage() {
        inOneClockMinute(() -> {
            useUpTheLimit();

            Response page = RestAssured.given().baseUri(ArvServer.baseUrl()).header("X-Forwarded-For", CLIENT).get("/ar/" + uniqueId);

            page.then().statusCode(429).contentType(containsString("text/html"))
                    .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)))
                    // the words viewer.js says when the manifest meets the limit (ViewerBrowserIT)
                    .body(containsString("<h1>Too many scans from this network</h1><p>Please wait " + page.header("Retry-After")
                            + " seconds and reload the page.</p>"));
        });
    }

    @Test
    void theFilesOfAViewDoNotCountAgainstTheLimit() {
        inOneClockMinute(() -> {
            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);

            // More marker reads than the limit allows requests: a phone reading a video piece by piece, loop after loop.
            for (int i = 0; i < LIMIT + 10; i++) {
                viewer().get("/viewer/" + uniqueId + "/marker.mind").then().statusCode(200);
            }

            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200)
                    .header("X-RateLimit-Remaining", equalTo(String.valueOf(LIMIT - 2)));
        });
    }

    @Test
    void aClientProbingUnknownIdsThroughTheFilesIsLimited() {
        inOneClockMinute(() -> {
            for (int i = 0; i < LIMIT; i++) {
                viewer().get("/viewer/" + "Unknown" + (100_000_000_000L + i) + "/marker.mind").then().statusCode(404);
            }

            viewer().get("/viewer/" + uniqueId + "/marker.mind").then().statusCode(429)
                    .contentType("application/problem+json").body("code", equalTo("rate_limited"));
            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(429);
        });
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
        inOneClockMinute(() -> {
            for (int i = 0; i < LIMIT; i++) {
                Api.anonymous().header("X-Forwarded-For", "203.0.113.7").get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
            }
            Api.anonymous().header("X-Forwarded-For", "203.0.113.7").get("/viewer/" + uniqueId + "/manifest").then().statusCode(429);

            Api.anonymous().header("X-Forwarded-For", "203.0.113.8").get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
            Api.anonymous().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
        });
    }

    @Test
    void theCountLivesInRedisWhereEveryNodeDrawsFromIt() {
        inOneClockMinute(() -> {
            useUpTheLimit();
            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(429);

            forgetBuckets();

            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
        });
    }

    private static RequestSpecification viewer() {
        return Api.anonymous().header("X-Forwarded-For", CLIENT);
    }

    /**
     * Makes a test's requests within one clock minute, the window the limit counts in (a window starts at :00): a run during
     * which the minute turned proves nothing either way (its count was split between two windows), so it is made again from
     * fresh buckets, in the minute that just began. A run takes seconds, so this seldom repeats one; waiting before each
     * run for a minute with enough left cost the class most of a minute each time.
     */
    private static void inOneClockMinute(Runnable requests) {
        for (int run = 1;; run++) {
            Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            AssertionError failure = null;
            try {
                requests.run();
            } catch (AssertionError e) {
                failure = e;
            }
            if (Instant.now().truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            if (run == 3) {
                throw new AssertionError("three runs in a row outlasted the clock minute they began in", failure);
            }
            forgetBuckets();
        }
    }

    private static void useUpTheLimit() {
        for (int i = 0; i < LIMIT; i++) {
            viewer().get("/viewer/" + uniqueId + "/manifest").then().statusCode(200);
        }
    }

    private static void forgetBuckets() {
        URI redis = URI.create(ArvServer.stack().redisUrl());
        try (Jedis jedis = new Jedis(redis.getHost(), redis.getPort())) {
            var buckets = jedis.keys(BUCKETS);
            if (!buckets.isEmpty()) {
                jedis.del(buckets.toArray(String[]::new));
            }
        }
    }
}
