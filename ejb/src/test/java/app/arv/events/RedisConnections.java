package app.arv.events;

/** A {@link RedisConnection} as a node of its own would have one, for tests outside this package. */
public final class RedisConnections {

    private RedisConnections() {
    }

    public static RedisConnection to(String url) {
        RedisConnection connection = new RedisConnection();
        connection.url = url;
        return connection;
    }

    public static void close(RedisConnection connection) {
        connection.close();
    }
}
