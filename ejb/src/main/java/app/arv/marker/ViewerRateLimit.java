package app.arv.marker;

import app.arv.events.RedisConnection;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * At most {@code arv.viewer.requests-per-minute} public viewer requests per client address: a
 * Bucket4j bucket per address, kept in Redis so every node draws from the same one, refilled in
 * full once a minute after its first use. Per address, not per AR content: the unique ids are the
 * only secret of the viewer, and one client walking through many of them is what must be slowed.
 * If Redis is away the public viewer stays up unlimited rather than going down with it.
 */
@ApplicationScoped
public class ViewerRateLimit {

    /** Redis key prefix of the buckets; a bucket's key ends with the client address. */
    public static final String KEY_PREFIX = "arv:viewer:rate:";

    private static final Logger LOG = Logger.getLogger(ViewerRateLimit.class.getName());
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "arv.viewer.requests-per-minute", defaultValue = "120")
    int perMinute;

    private volatile ProxyManager<String> buckets;
    private BucketConfiguration configuration;

    /** @return whole seconds until the client may retry, or 0 if this request is allowed */
    public long refusal(String client) {
        try {
            ConsumptionProbe probe = buckets().builder().build(KEY_PREFIX + client, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return 0;
            }
            return Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1)));
        } catch (RuntimeException e) {
            // One line, no stack trace: while Redis is away this happens on every viewer request.
            LOG.warning("Viewer rate limit not checked (Redis unavailable): " + e);
            return 0;
        }
    }

    /** Built on first use: Redis's client pool is created lazily too, so ARV starts while Redis is down. */
    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    configuration = BucketConfiguration.builder()
                            .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, WINDOW))
                            .build();
                    // A bucket refilled to the full is the same as none: Redis forgets it then.
                    buckets = Bucket4jJedis.casBasedBuilder(redis.client())
                            .keyMapper(Mapper.STRING)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                            .build();
                }
                current = buckets;
            }
        }
        return current;
    }
}
