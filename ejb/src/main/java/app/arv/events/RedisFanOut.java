package app.arv.events;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One Redis pattern subscription per node fanned out to this node's listeners, each following one
 * key (an organization, a job), with one heartbeat task however many listen. Subscribes when the
 * first listener arrives, not at deployment, so ARV starts while Redis is down; stops with the
 * application. Subclasses say what the pattern is and what a message and a heartbeat mean.
 *
 * @param <L> the listener type
 */
public abstract class RedisFanOut<L> {

    @Inject
    protected RedisConnection redis;

    @Resource
    protected ManagedThreadFactory threads;

    @Resource
    protected ManagedScheduledExecutorService scheduler;

    protected final ListenerRegistry<L> listeners;
    private final String pattern;
    private final String threadName;
    private final SubscriptionOnce subscription = new SubscriptionOnce();

    /**
     * @param pattern    the channel pattern of the one subscription
     * @param threadName the name of the subscription's thread, for thread dumps
     * @param closed     whether a listener has gone
     */
    protected RedisFanOut(String pattern, String threadName, Predicate<L> closed) {
        this.pattern = pattern;
        this.threadName = threadName;
        this.listeners = new ListenerRegistry<>(closed);
    }

    public void add(UUID key, L listener) {
        listeners.add(key, listener);
        start();
    }

    public void remove(UUID key, L listener) {
        listeners.remove(key, listener);
    }

    protected abstract Duration heartbeat();

    /** A message on a channel of the pattern. */
    protected abstract void received(String channel, String message);

    /** Subscribed again after Redis was away: whatever was published meanwhile was missed. */
    protected void resubscribed() {
    }

    /** Every {@link #heartbeat()}: tell the listeners the connection lives (and drop closed ones). */
    protected abstract void beat();

    protected void start() {
        subscription.start(() -> new PatternSubscription(redis, pattern, this::received, this::resubscribed),
                started -> started.start(threads, threadName, scheduler, heartbeat(), this::beat));
    }

    @PreDestroy
    void stop() {
        subscription.stop();
    }
}
