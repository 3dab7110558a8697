package app.arv.generation;

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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

    private final Map<UUID, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private PatternSubscription subscription;
    private ScheduledFuture<?> heartbeats;
    private volatile boolean stopped;

    public void add(UUID jobId, Listener listener) {
        listeners.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        start();
    }

    public void remove(UUID jobId, Listener listener) {
        listeners.computeIfPresent(jobId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
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
        subscription.start(threads, "arv-generation-events");
        long millis = heartbeat.toMillis();
        heartbeats = scheduler.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void wake(String channel) {
        try {
            UUID jobId = UUID.fromString(channel.substring(channel.lastIndexOf(':') + 1));
            Set<Listener> set = listeners.get(jobId);
            if (set != null) {
                set.forEach(Listener::wake);
            }
        } catch (IllegalArgumentException e) {
            // Not a job channel (arv:generation:<uuid>): nothing listens to it.
        }
    }

    private void wakeAll() {
        listeners.values().forEach(set -> set.forEach(Listener::wake));
    }

    private void beat() {
        listeners.forEach((job, set) -> set.forEach(listener -> {
            if (listener.isClosed()) {
                remove(job, listener);
            } else {
                listener.heartbeat();
            }
        }));
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (subscription != null) {
            subscription.stop();
        }
    }
}
