package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's limit as two nodes see it: each with its own Redis client, one real Redis between them. */
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
    void requestsOfBothNodesAddUp() {
        ViewerRateLimit nodeA = node(redis.url());
        ViewerRateLimit nodeB = node(redis.url());
        String client = client();

        List<Long> answers = List.of(nodeA.refusal(client), nodeB.refusal(client), nodeA.refusal(client), nodeB.refusal(client));

        assertThat(answers.subList(0, PER_MINUTE)).containsOnly(0L);
        assertThat(answers.get(PER_MINUTE)).isPositive();
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
        RedisConnection connection = redis.newConnection(redisUrl);
        ViewerRateLimit limit = new ViewerRateLimit();
        limit.redis = connection;
        limit.perMinute = PER_MINUTE;
        return limit;
    }

    /** A client address of its own per test, so the tests do not share buckets. */
    private static String client() {
        return "203.0.113." + UUID.randomUUID();
    }
}
