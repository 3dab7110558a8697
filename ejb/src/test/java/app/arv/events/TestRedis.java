package app.arv.events;

import app.arv.launcher.FreePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Redis on a free loopback port for one test class, nothing kept on disk, as a JUnit
 * extension ({@code @RegisterExtension static final TestRedis redis = new TestRedis();}). Each
 * {@link #newConnection()} is a node's own client, closed after its test.
 */
public final class TestRedis implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final List<RedisConnection> connections = new ArrayList<>();
    private RedisServer server;
    private String url;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        int port = FreePorts.pick();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").onShutdownForceStop(true).build();
        server.start();
        url = "redis://127.0.0.1:" + port;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections.forEach(RedisConnection::close);
        connections.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.stop();
    }

    /** redis://127.0.0.1:port */
    public String url() {
        return url;
    }

    /** A client of this Redis, as one node would have it. */
    public RedisConnection newConnection() {
        return newConnection(url);
    }

    /** A client of the Redis at {@code redisUrl} (e.g. {@link #nowhere()}), closed after the test. */
    public RedisConnection newConnection(String redisUrl) {
        RedisConnection connection = new RedisConnection();
        connection.url = redisUrl;
        connections.add(connection);
        return connection;
    }

    /** The URL of a port nothing listens on: Redis away. */
    public static String nowhere() {
        return "redis://127.0.0.1:" + FreePorts.pick();
    }
}
