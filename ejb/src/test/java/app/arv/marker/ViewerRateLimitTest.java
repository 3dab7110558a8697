package app.arv.marker;

import app.arv.events.TestRedis;
import app.arv.protection.TestRequestLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer page's limit as two nodes see it: each with its own Redis client, one real Redis between them. */
class ViewerRateLimitTest {

    private static final int PER_MINUTE = 3;

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void aClientOverTheLimitOnOneNodeIsRefusedByTheOther() {
        ViewerRateLimit nodeA = node(redis.url());
        ViewerRateLimit nodeB = node(redis.url());
        String client = client();
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(nodeA.refusal(client)).isZero();
        }

        long retryAfter = nodeB.refusal(client);

        assertThat(retryAfter).isBetween(1L, 60L);
    }

    @Test
    void eachClientAddressHasItsOwnLimit() {
        ViewerRateLimit node = node(redis.url());
        String busy = client();
        for (int i = 0; i <= PER_MINUTE; i++) {
            node.refusal(busy);
        }

        assertThat(node.refusal(client())).isZero();
    }

    @Test
    void withoutRedisTheViewerStaysOpen() {
        ViewerRateLimit node = node(TestRedis.nowhere());
        String client = client();

        for (int i = 0; i <= PER_MINUTE; i++) {
            assertThat(node.refusal(client)).isZero();
        }
    }

    private ViewerRateLimit node(String redisUrl) {
        ViewerRateLimit limit = new ViewerRateLimit();
        limit.limits = TestRequestLimits.viewer(redis.newConnection(redisUrl), PER_MINUTE);
        return limit;
    }

    /** A client address of its own per test, so the tests do not share buckets. */
    private static String client() {
        return "203.0.113." + UUID.randomUUID();
    }
}
