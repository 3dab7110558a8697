package app.arv.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

import java.net.URI;

/**
 * The one Redis client pool of the application. Short timeouts: Redis carries live progress, and a
 * stalled Redis must show up as a failed readiness check, not as hung request threads.
 */
@ApplicationScoped
public class RedisConnection {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_CONNECTIONS = 64;

    @Inject
    @ConfigProperty(name = "redis.url", defaultValue = "redis://127.0.0.1:6379")
    String url;

    private volatile JedisPooled client;

    /** The shared pool, created on first use so ARV starts even while Redis is down. */
    public JedisPooled client() {
        JedisPooled current = client;
        // Asked on every authenticated request: no lock once the pool exists.
        return current != null ? current : create();
    }

    private synchronized JedisPooled create() {
        if (client != null) {
            return client;
        }
        URI uri = URI.create(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .ssl("rediss".equals(uri.getScheme()));
        if (uri.getUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            if (credentials.length == 2) {
                config.user(credentials[0].isEmpty() ? null : credentials[0]).password(credentials[1]);
            } else {
                config.password(credentials[0]);
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        JedisClientConfig clientConfig = config.build();
        client = new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), clientConfig, pool());
        return client;
    }

    /**
     * Jedis's default of 8 connections is too few: every API request takes one for its rate limit,
     * and each event hub's subscription holds one for good, so request threads queued for a
     * connection. Idle ones beyond a few are closed again.
     */
    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        return pool;
    }

    /** Where the client connects, for health reports; credentials left out. */
    public String endpoint() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 6379);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
