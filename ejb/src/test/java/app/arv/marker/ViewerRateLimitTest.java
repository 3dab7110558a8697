package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.RedisConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's limit as two nodes see it: each with its own Redis client, one real Redis between them. */
class ViewerRateLimitTest {

    private static final int PER_MINUTE = 3;

    private static RedisServer redis;
    private static String url;
    private final List<RedisConnection> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").onShutdownForceStop(true).build();
        redis.start();
        url = "redis://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @AfterEach
    void closeClients() {
        connections.forEach(RedisConnections::close);
    }

    @Test
    void aClientOverTheLimitOnOneNodeIsRefusedByTheOther() {
        ViewerRateLimit nodeA = node(url);
        ViewerRateLimit nodeB = node(url);
        String client = client();
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(nodeA.refusal(client)).isZero();
        }

        long retryAfter = nodeB.refusal(client);

        assertThat(retryAfter).isBetween(1L, 60L);
    }

    @Test
    void requestsOfBothNodesAddUp() {
        ViewerRateLimit nodeA = node(url);
        ViewerRateLimit nodeB = node(url);
        String client = client();

        List<Long> answers = List.of(nodeA.refusal(client), nodeB.refusal(client), nodeA.refusal(client), nodeB.refusal(client));

        assertThat(answers.subList(0, PER_MINUTE)).containsOnly(0L);
        assertThat(answers.get(PER_MINUTE)).isPositive();
    }

    @Test
    void eachClientAddressHasItsOwnLimit() {
        ViewerRateLimit node = node(url);
        String busy = client();
        for (int i = 0; i <= PER_MINUTE; i++) {
            node.refusal(busy);
        }

        assertThat(node.refusal(client())).isZero();
    }

    @Test
    void withoutRedisTheViewerStaysOpen() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ViewerRateLimit node = node("redis://127.0.0.1:" + closedPort);
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
