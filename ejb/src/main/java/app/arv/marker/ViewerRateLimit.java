package app.arv.marker;

import app.arv.events.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed one-minute window per client address, counted in Redis so every node shares it. If
 * Redis is away the public viewer stays up unlimited rather than going down with it.
 */
@ApplicationScoped
public class ViewerRateLimit {

    private static final Logger LOG = Logger.getLogger(ViewerRateLimit.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "arv.viewer.requests-per-minute", defaultValue = "120")
    int perMinute;

    /** @return seconds until the client may retry, or 0 if this request is allowed */
    public long refusal(String client) {
        long window = System.currentTimeMillis() / 60_000;
        String key = "arv:viewer:rate:" + client + ":" + window;
        try {
            long count = redis.client().incr(key);
            if (count == 1) {
                redis.client().expire(key, 61);
            }
            return count > perMinute ? 60 - (System.currentTimeMillis() / 1000) % 60 : 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Viewer rate limit not checked (Redis unavailable)", e);
            return 0;
        }
    }
}
