package app.arv.events;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A real Redis on a free loopback port for one test class, nothing kept on disk. */
public final class TestRedis implements AutoCloseable {

    private final RedisServer server;
    private final String url;

    private TestRedis(RedisServer server, int port) {
        this.server = server;
        this.url = "redis://127.0.0.1:" + port;
    }

    public static TestRedis start() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            server.start();
            return new TestRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** redis://127.0.0.1:port */
    public String url() {
        return url;
    }

    /** The URL of a port nothing listens on: Redis away. */
    public static String nowhere() {
        try {
            return "redis://127.0.0.1:" + freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
