package app.arv.events;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The life of a node's one {@link PatternSubscription} for a purpose: made and started when first needed, not at
 * deployment (so ARV starts while Redis is down), once however many ask at the same time, and never after its owner
 * stopped with the application. Owners: {@link RedisFanOut}, the marker stops and the credential changes.
 */
public final class SubscriptionOnce {

    private PatternSubscription subscription;
    private volatile boolean started;
    private volatile boolean stopped;

    /** Makes the subscription with {@code make} and starts it with {@code start}: the first time only, and not once stopped. */
    public void start(Supplier<PatternSubscription> make, Consumer<PatternSubscription> start) {
        if (!started) {
            begin(make, start);
        }
    }

    private synchronized void begin(Supplier<PatternSubscription> make, Consumer<PatternSubscription> start) {
        if (started || stopped) {
            return;
        }
        started = true;
        subscription = make.get();
        start.accept(subscription);
    }

    /** Stops the subscription, if it was started, and any later start. */
    public synchronized void stop() {
        stopped = true;
        if (subscription != null) {
            subscription.stop();
        }
    }
}
