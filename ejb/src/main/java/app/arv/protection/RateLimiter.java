package app.arv.protection;

import app.arv.events.RedisConnection;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * ARV's one rate limiter: takes a request from a named bucket holding one or more clock-aligned
 * {@link Window}s. The buckets are Bucket4j's, kept in Redis so all nodes share them (one read and
 * one compare-and-swap per request); Redis forgets a bucket once all its windows are full again.
 *
 * <p>Fails open: if Redis does not answer, requests are allowed and not counted, and for a few
 * seconds Redis is not asked again, so an outage costs neither availability nor a timeout per
 * request. The outage and the recovery are logged once each.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    /** How long after a failure Redis is left alone before the next request tries it again. */
    private static final Duration BACK_OFF = Duration.ofSeconds(5);

    @Inject
    RedisConnection redis;

    private volatile ProxyManager<String> buckets;
    private final Map<List<Window>, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private volatile long redisAwayUntil;
    private volatile boolean redisAway;

    /**
     * Takes one request from the bucket {@code key} with these windows.
     *
     * @param key a Redis key prefix naming whose bucket it is (e.g. {@code arv:rate:key:<id>})
     */
    public Verdict take(String key, List<Window> windows) {
        long now = System.currentTimeMillis();
        if (now < redisAwayUntil) {
            return Verdict.unchecked();
        }
        try {
            VerboseResult<ConsumptionProbe> result = buckets()
                    .builder().build(key + ":" + signature(windows), () -> configuration(windows))
                    .asVerbose().tryConsumeAndReturnRemaining(1);
            recovered();
            return verdict(result, windows, now);
        } catch (RuntimeException e) {
            away(e, now);
            return Verdict.unchecked();
        }
    }

    private static Verdict verdict(VerboseResult<ConsumptionProbe> result, List<Window> windows, long now) {
        long[] left = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
        // The window closest to running out is the one the client needs to hear about.
        int tightest = 0;
        for (int i = 1; i < windows.size(); i++) {
            if (left[i] < left[tightest] || (left[i] == left[tightest] && left[i] == 0
                    && windows.get(i).secondsToReset(now) > windows.get(tightest).secondsToReset(now))) {
                tightest = i;
            }
        }
        Window window = windows.get(tightest);
        long reset = window.secondsToReset(now);
        if (result.getValue().isConsumed()) {
            return Verdict.allowed(window.limit(), Math.max(0, left[tightest]), reset);
        }
        // Refused: by the tightest empty window, which is also the last one to refill.
        return Verdict.refused(window.limit(), reset, reset);
    }

    private BucketConfiguration configuration(List<Window> windows) {
        return configurations.computeIfAbsent(List.copyOf(windows), ws -> {
            var builder = BucketConfiguration.builder();
            for (Window w : ws) {
                builder.addLimit(limit -> limit.capacity(w.limit()).refillIntervallyAligned(w.limit(), w.period(), Instant.EPOCH));
            }
            return builder.build();
        });
    }

    private static String signature(List<Window> windows) {
        return windows.stream().map(Window::signature).collect(Collectors.joining(","));
    }

    private void away(RuntimeException e, long now) {
        redisAwayUntil = now + BACK_OFF.toMillis();
        if (!redisAway) {
            redisAway = true;
            // One line, no stack trace: requests go on unlimited, and readiness reports Redis itself.
            LOG.warning("Rate limits not enforced while Redis is unavailable: " + e);
        }
    }

    private void recovered() {
        if (redisAway) {
            redisAway = false;
            LOG.info("Rate limits enforced again: Redis answers");
        }
    }

    /** Built on first use: Redis's client pool is created lazily too, so ARV starts while Redis is down. */
    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    // A bucket whose windows are all full again is the same as none: Redis forgets it then.
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
