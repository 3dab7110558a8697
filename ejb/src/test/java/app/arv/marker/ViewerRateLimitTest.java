package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.RedisConnections;
import app.arv.events.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's limit as two nodes see it: each with its own Redis client, one real Redis between them. */
class ViewerRateLimitTest {

    private static final int PER_MINUTE = 3;

    private static TestRedis redis;
    private final List<RedisConnection> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.close();
    }

    @AfterEach
    void closeClients() {
        connections.forEach(RedisConnections::close);
    }

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
        RedisConnection connection = RedisConnections.to(redisUrl);
        connections.add(connection);
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
