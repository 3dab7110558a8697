package app.arv.generation;

import app.arv.events.ListenerRegistry;
import app.arv.events.PatternSubscription;
import app.arv.events.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Live job events for this node's listeners (SSE clients). One pattern subscription per node
 * ({@code arv:generation:*}) and one heartbeat task, however many clients listen: a notification wakes
 * the job's listeners, which read what they have not seen from the job's stream. So a listener on
 * any node sees events made on any node, in stream order, and a resumed one starts where it left off.
 */
@ApplicationScoped
public class GenerationEventHub {

    private static final int READ_BATCH = 500;

    /** A node-local listener of one job's events. */
    public interface Listener {

        /** Something new may be in the stream. */
        void wake();

        void heartbeat();

        boolean isClosed();
    }

    @Inject
    RedisConnection redis;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "arv.generation.sse-heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    private final ListenerRegistry<Listener> listeners = new ListenerRegistry<>(Listener::isClosed);
    private PatternSubscription subscription;
    private volatile boolean stopped;

    public void add(UUID jobId, Listener listener) {
        listeners.add(jobId, listener);
        start();
    }

    public void remove(UUID jobId, Listener listener) {
        listeners.remove(jobId, listener);
    }

    /** The job's events after {@code lastId} ({@code null}: from the first), oldest first, at most a batch. */
    public List<StoredEvent> since(UUID jobId, String lastId) {
        String start = lastId == null ? "-" : StoredEvent.after(lastId);
        List<StreamEntry> entries = redis.client().xrange(GenerationEvents.stream(jobId), start, "+", READ_BATCH);
        return entries.stream()
                .map(e -> new StoredEvent(e.getID().toString(), e.getFields().get("type"), e.getFields().get("data")))
                .toList();
    }

    private synchronized void start() {
        if (subscription != null || stopped) {
            return;
        }
        // (Re)subscribed: whatever was published while away is in the streams, so every listener looks.
        subscription = new PatternSubscription(redis, GenerationEvents.CHANNEL_PATTERN, (channel, message) -> wake(channel),
                this::wakeAll);
        subscription.start(threads, "arv-generation-events", scheduler, heartbeat, this::beat);
    }

    private void wake(String channel) {
        try {
            listeners.forEachOf(UUID.fromString(channel.substring(channel.lastIndexOf(':') + 1)), Listener::wake);
        } catch (IllegalArgumentException e) {
            // Not a job channel (arv:generation:<uuid>): nothing listens to it.
        }
    }

    private void wakeAll() {
        listeners.forEach(Listener::wake);
    }

    private void beat() {
        listeners.pruneAndForEach(Listener::heartbeat);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (subscription != null) {
            subscription.stop();
        }
    }
}
