package app.arv.protection;

import app.arv.events.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * ARV's one rate limiter: takes a request from a named bucket holding one or more clock-aligned
 * {@link Window}s. Each window is a counter in Redis for its current period, so all nodes share
 * them; a Lua script checks and counts every window of a bucket atomically in <em>one</em> round
 * trip (this sits on every authenticated request, so a second trip showed in its throughput).
 * Redis forgets a counter when its period is over.
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
    /** Counters outlive their period by this much, so a node whose clock runs a little late still finds them. */
    private static final long GRACE_MILLIS = 5_000;
    private static final String SCRIPT = script();
    private static final String SCRIPT_SHA = sha1(SCRIPT);

    @Inject
    RedisConnection redis;

    private volatile long redisAwayUntil;
    private volatile boolean redisAway;

    /**
     * Takes one request from the bucket {@code key} with these windows.
     *
     * @param key a Redis key prefix naming whose bucket it is (e.g. {@code arv:rate:key:<id>})
     */
    public Verdict take(String key, List<Window> windows) {
        return take(List.of(new Bucket(key, windows)));
    }

    /**
     * Takes one request from each of these buckets, or from none: all their windows are checked and counted by one
     * script run, so a request one bucket refuses is not counted in the others either. Told about the window closest to
     * running out, whichever bucket it is in.
     */
    public Verdict take(List<Bucket> buckets) {
        long now = System.currentTimeMillis();
        if (now < redisAwayUntil) {
            return Verdict.unchecked();
        }
        List<String> keys = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        List<Boolean> shared = new ArrayList<>();
        for (Bucket bucket : buckets) {
            keys.addAll(counters(bucket.key(), bucket.windows(), now));
            windows.addAll(bucket.windows());
            bucket.windows().forEach(w -> shared.add(bucket.shared()));
        }
        try {
            List<Long> counts = run(keys, arguments(windows, now));
            recovered();
            return verdict(counts, windows, shared, now);
        } catch (RuntimeException e) {
            away(e, now);
            return Verdict.unchecked();
        }
    }

    /**
     * Where the bucket {@code key} stands, without taking from it: refused when a request now would be. One read of
     * its counters, for a caller that wants to know before it does something costly; fails open like {@link #take}.
     */
    public Verdict peek(String key, List<Window> windows) {
        long now = System.currentTimeMillis();
        if (now < redisAwayUntil) {
            return Verdict.unchecked();
        }
        try {
            List<String> values = redis.client().mget(counters(key, windows, now).toArray(String[]::new));
            recovered();
            List<Long> counts = new ArrayList<>(windows.size() + 1);
            boolean room = true;
            for (int i = 0; i < windows.size(); i++) {
                long count = values.get(i) == null ? 0 : Long.parseLong(values.get(i));
                counts.add(count);
                room &= count < windows.get(i).limit();
            }
            counts.add(room ? 1L : 0L);
            return verdict(counts, windows, Collections.nCopies(windows.size(), false), now);
        } catch (RuntimeException e) {
            away(e, now);
            return Verdict.unchecked();
        }
    }

    /**
     * A named bucket ({@code key}, e.g. {@code arv:rate:key:<id>}) and its windows.
     *
     * @param shared whether several clients draw from it (an organization's credentials together): a verdict told
     *               about one of its windows says so ({@link Verdict#shared})
     */
    public record Bucket(String key, List<Window> windows, boolean shared) {

        /** A client's own bucket. */
        public Bucket(String key, List<Window> windows) {
            this(key, windows, false);
        }
    }

    private List<Long> run(List<String> keys, List<String> arguments) {
        Object result;
        try {
            result = redis.client().evalsha(SCRIPT_SHA, keys, arguments);
        } catch (JedisNoScriptException e) {
            // A restarted or flushed Redis has forgotten the script: send it whole once, which loads it again.
            result = redis.client().eval(SCRIPT, keys, arguments);
        }
        @SuppressWarnings("unchecked")
        List<Long> counts = (List<Long>) result;
        return counts;
    }

    /**
     * One counter per window and period, under the caller's key: the key names all the bucket's
     * windows, so a changed limit is a new bucket, not an old one with a stale size.
     */
    private static List<String> counters(String key, List<Window> windows, long now) {
        String bucket = key + ":" + windows.stream().map(Window::signature).collect(Collectors.joining(","));
        List<String> keys = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            keys.add(bucket + ":" + i + ":" + windows.get(i).periodIndex(now));
        }
        return keys;
    }

    private static List<String> arguments(List<Window> windows, long now) {
        List<String> arguments = new ArrayList<>(windows.size() * 2);
        for (Window w : windows) {
            arguments.add(Integer.toString(w.limit()));
        }
        for (Window w : windows) {
            arguments.add(Long.toString(w.secondsToReset(now) * 1000 + GRACE_MILLIS));
        }
        return arguments;
    }

    private static Verdict verdict(List<Long> counts, List<Window> windows, List<Boolean> shared, long now) {
        long[] left = new long[windows.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = Math.max(0, windows.get(i).limit() - counts.get(i));
        }
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
        // Refused: by the tightest empty window, which is also the last one to refill.
        Verdict verdict = counts.get(windows.size()) == 1L
                ? Verdict.allowed(window.limit(), left[tightest], reset)
                : Verdict.refused(window.limit(), reset, reset);
        return shared.get(tightest) ? verdict.ofSharedBucket() : verdict;
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

    private static String script() {
        try (InputStream in = RateLimiter.class.getResourceAsStream("take.lua")) {
            if (in == null) {
                throw new IllegalStateException("take.lua missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
