package app.arv.events;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Redis pattern subscription on its own managed thread, kept alive across Redis outages (after a
 * lost connection it subscribes again and calls {@code onSubscribed}, so its owner can catch up on
 * what was published meanwhile), with the heartbeat its owner sends to its clients.
 *
 * <p>A subscription's connection waits for Redis without a timeout, so a Redis that vanished without a word (a
 * failover, a dropped NAT entry: no reset reaches us) would leave it waiting for hours, until TCP keepalive, hearing
 * nothing of the other nodes. So it asks Redis for a PONG every {@value #PROBE_SECONDS} s; when its subscription or a
 * PONG is not answered within {@value #ANSWER_SECONDS} s, it drops the connection and subscribes again as after any
 * loss.
 */
public final class PatternSubscription {

    private static final Logger LOG = Logger.getLogger(PatternSubscription.class.getName());
    private static final int PROBE_SECONDS = 5;
    private static final int ANSWER_SECONDS = 3;

    private final RedisConnection redis;
    private final String pattern;
    private final BiConsumer<String, String> onMessage;
    private final Runnable onSubscribed;
    private final Runnable onLost;
    private volatile Listening current;
    private volatile boolean stopped;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> probes;
    private Duration probeEvery = Duration.ofSeconds(PROBE_SECONDS);
    private Duration answerWithin = Duration.ofSeconds(ANSWER_SECONDS);

    /** @param onMessage called with (channel, message) on the subscription's thread */
    public PatternSubscription(RedisConnection redis, String pattern, BiConsumer<String, String> onMessage, Runnable onSubscribed) {
        this(redis, pattern, onMessage, onSubscribed, () -> {
        });
    }

    /** @param onLost called when the subscription broke, before it is tried again (messages may be missed until {@code onSubscribed}) */
    public PatternSubscription(RedisConnection redis, String pattern, BiConsumer<String, String> onMessage, Runnable onSubscribed,
            Runnable onLost) {
        this.redis = redis;
        this.pattern = pattern;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.onLost = onLost;
    }

    /** For tests: asks for a PONG every {@code every}, and gives the connection up when no answer came within {@code within}. */
    PatternSubscription probing(Duration every, Duration within) {
        this.probeEvery = every;
        this.answerWithin = within;
        return this;
    }

    /** Subscribes on a new managed thread, and runs {@code beat} every {@code heartbeat} until {@link #stop()}. */
    public void start(ManagedThreadFactory threads, String threadName, ManagedScheduledExecutorService scheduler,
            Duration heartbeat, Runnable beat) {
        Thread thread = threads.newThread(this::subscribeForever);
        thread.setName(threadName);
        thread.setDaemon(true);
        thread.start();
        long millis = heartbeat.toMillis();
        heartbeats = scheduler.scheduleAtFixedRate(beat, millis, millis, TimeUnit.MILLISECONDS);
        long probeMillis = probeEvery.toMillis();
        probes = scheduler.scheduleWithFixedDelay(this::probe, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
    }

    private void subscribeForever() {
        while (!stopped) {
            try (Connection connection = redis.client().getPool().getResource()) {
                Listening listening = new Listening(connection);
                current = listening;
                try {
                    listening.proceedWithPatterns(connection, pattern);
                } finally {
                    current = null;
                }
            } catch (RuntimeException e) {
                if (stopped) {
                    break; // stop() dropped the connection
                }
                onLost.run();
                LOG.log(Level.WARNING, "Redis subscription to " + pattern + " lost; reconnecting", e);
                sleepQuietly(1000);
            }
        }
    }

    /** Runs on the scheduler: an exception would end the probes for good. */
    private void probe() {
        Listening listening = current;
        if (listening == null || stopped) {
            return;
        }
        try {
            listening.probe();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Probing the Redis subscription to " + pattern + " failed", e);
        }
    }

    public void stop() {
        stopped = true;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (probes != null) {
            probes.cancel(false);
        }
        // Dropped, not unsubscribed: an unsubscribe waits for Redis's answer, which a silent Redis never sends, and a
        // subscription still connecting has nothing to unsubscribe yet (onPSubscribe ends one that answers later).
        Listening listening = current;
        if (listening != null) {
            listening.connection.disconnect();
        }
    }

    /**
     * The subscription on one connection, and whether Redis still answers on it: a question (the subscription itself,
     * then each PING) stays open until anything arrives. While the owner's callback runs, nothing is read: a slow one
     * does not count as Redis's silence.
     */
    private final class Listening extends JedisPubSub {

        private final Connection connection;
        private volatile boolean awaiting = true;
        private volatile long askedAt = System.nanoTime();
        private volatile boolean inCallback;

        Listening(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void onPSubscribe(String subscribedPattern, int count) {
            awaiting = false;
            if (stopped) {
                connection.disconnect();
                return;
            }
            callBack(onSubscribed);
        }

        @Override
        public void onPMessage(String subscribedPattern, String channel, String message) {
            awaiting = false;
            callBack(() -> onMessage.accept(channel, message));
        }

        private void callBack(Runnable callback) {
            inCallback = true;
            try {
                callback.run();
            } finally {
                inCallback = false;
            }
        }

        @Override
        public void onPong(String message) {
            awaiting = false;
        }

        /** Drops the connection when the last question went unanswered too long, else asks Redis for a PONG. */
        void probe() {
            long now = System.nanoTime();
            if (awaiting) {
                if (!inCallback && now - askedAt >= answerWithin.toNanos()) {
                    LOG.warning(() -> "Redis did not answer on the subscription to " + pattern + " within "
                            + answerWithin.toMillis() + " ms; reconnecting");
                    connection.disconnect(); // the subscription's thread stops waiting, and subscribes again
                }
                return;
            }
            if (isSubscribed()) {
                askedAt = now;
                awaiting = true;
                try {
                    ping();
                } catch (RuntimeException e) {
                    connection.disconnect();
                    throw e;
                }
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
