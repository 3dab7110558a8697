package app.arv.events;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A test's ear on Redis pub/sub, as another node or a WebSocket node would listen: on its own connection, subscribed
 * (to channels or to patterns) before its factory returns, so nothing published afterwards is missed; it keeps what it
 * hears in the order heard. {@link #unsubscribe()} waits until Redis has confirmed it, so nothing published after it is
 * heard: a test that unsubscribes at the message it waits for hears what a listener that stops there would.
 */
public final class Eavesdropper implements AutoCloseable {

    private static final Duration SUBSCRIBING = Duration.ofSeconds(10);

    /** One message, with the channel it came on. */
    public record Heard(String channel, String message) {
    }

    private final Jedis connection;
    private final CountDownLatch subscribed;
    private final List<Heard> heard = new ArrayList<>();
    private final Thread listening;
    private final Runnable unsubscribing;
    private volatile RuntimeException broken;

    private final JedisPubSub listener = new JedisPubSub() {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void onPSubscribe(String pattern, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            hear(new Heard(channel, message));
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            hear(new Heard(channel, message));
        }
    };

    /** Listens on these channels of the Redis at {@code redisUrl} (redis://host:port). */
    public static Eavesdropper onChannels(String redisUrl, String... channels) {
        return new Eavesdropper(redisUrl, channels, (connection, listener) -> connection.subscribe(listener, channels),
                JedisPubSub::unsubscribe);
    }

    /** Listens on every channel matching these patterns ({@code arv:org:*}) of the Redis at {@code redisUrl}. */
    public static Eavesdropper onPatterns(String redisUrl, String... patterns) {
        return new Eavesdropper(redisUrl, patterns, (connection, listener) -> connection.psubscribe(listener, patterns),
                JedisPubSub::punsubscribe);
    }

    private Eavesdropper(String redisUrl, String[] names, BiConsumer<Jedis, JedisPubSub> subscribe,
            Consumer<JedisPubSub> unsubscribe) {
        this.connection = new Jedis(URI.create(redisUrl));
        this.subscribed = new CountDownLatch(names.length);
        this.unsubscribing = () -> unsubscribe.accept(listener);
        this.listening = new Thread(() -> {
            try {
                subscribe.accept(connection, listener);
            } catch (RuntimeException e) {
                broken = e;
            }
        }, "eavesdropper " + String.join(" ", names));
        listening.setDaemon(true);
        listening.start();
        try {
            if (!subscribed.await(SUBSCRIBING.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new AssertionError("not subscribed to " + List.of(names) + " within " + SUBSCRIBING, broken);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new AssertionError("interrupted while subscribing", e);
        }
    }

    private synchronized void hear(Heard message) {
        heard.add(message);
        notifyAll();
    }

    /** Everything heard so far, in the order heard. */
    public synchronized List<Heard> heard() {
        return List.copyOf(heard);
    }

    /**
     * The first message heard (before this call or within {@code within}) that is {@code wanted}; fails the test with
     * what was heard instead if none comes.
     */
    public synchronized Heard awaitHeard(Duration within, Predicate<Heard> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (Heard message : heard) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the message waited for not heard within " + within + "; heard " + heard, broken);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Unsubscribes and waits until Redis has confirmed it: nothing published from now on is heard. */
    public void unsubscribe() {
        if (listener.isSubscribed()) {
            unsubscribing.run();
            try {
                listening.join(SUBSCRIBING.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #unsubscribe()}, and its connection closed. */
    @Override
    public void close() {
        unsubscribe();
        connection.close();
    }
}
