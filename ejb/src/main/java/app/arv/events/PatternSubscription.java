package app.arv.events;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
 */
public final class PatternSubscription {

    private static final Logger LOG = Logger.getLogger(PatternSubscription.class.getName());

    private final RedisConnection redis;
    private final String pattern;
    private final BiConsumer<String, String> onMessage;
    private final Runnable onSubscribed;
    private final Runnable onLost;
    private volatile JedisPubSub current;
    private volatile boolean stopped;
    private ScheduledFuture<?> heartbeats;

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

    /** Subscribes on a new managed thread, and runs {@code beat} every {@code heartbeat} until {@link #stop()}. */
    public void start(ManagedThreadFactory threads, String threadName, ManagedScheduledExecutorService scheduler,
            Duration heartbeat, Runnable beat) {
        Thread thread = threads.newThread(this::subscribeForever);
        thread.setName(threadName);
        thread.setDaemon(true);
        thread.start();
        long millis = heartbeat.toMillis();
        heartbeats = scheduler.scheduleAtFixedRate(beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void subscribeForever() {
        while (!stopped) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onPSubscribe(String subscribedPattern, int count) {
                    onSubscribed.run();
                }

                @Override
                public void onPMessage(String subscribedPattern, String channel, String message) {
                    onMessage.accept(channel, message);
                }
            };
            current = pubSub;
            try {
                redis.client().psubscribe(pubSub, pattern);
            } catch (RuntimeException e) {
                onLost.run();
                if (!stopped) {
                    LOG.log(Level.WARNING, "Redis subscription to " + pattern + " lost; reconnecting", e);
                    sleepQuietly(1000);
                }
            }
        }
    }

    public void stop() {
        stopped = true;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        JedisPubSub pubSub = current;
        if (pubSub != null && pubSub.isSubscribed()) {
            pubSub.punsubscribe();
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
