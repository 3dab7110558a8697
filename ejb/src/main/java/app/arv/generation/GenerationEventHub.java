package app.arv.generation;

import app.arv.events.RedisFanOut;
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
public class GenerationEventHub extends RedisFanOut<GenerationEventHub.Listener> {

    /** The most events {@link #since} answers at once: a shorter answer is all there was. */
    public static final int READ_BATCH = 500;

    /** A node-local listener of one job's events. */
    public interface Listener {

        /** Something new may be in the stream. */
        void wake();

        void heartbeat();

        boolean isClosed();
    }

    @Inject
    @ConfigProperty(name = "arv.generation.sse-heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    public GenerationEventHub() {
        super(GenerationEvents.CHANNEL_PATTERN, "arv-generation-events", Listener::isClosed);
    }

    /** The job's events after {@code lastId} ({@code null}: from the first), oldest first, at most {@link #READ_BATCH}. */
    public List<StoredEvent> since(UUID jobId, String lastId) {
        String start = lastId == null ? "-" : StoredEvent.after(lastId);
        List<StreamEntry> entries = redis.client().xrange(GenerationEvents.stream(jobId), start, "+", READ_BATCH);
        return entries.stream()
                .map(e -> new StoredEvent(e.getID().toString(), e.getFields().get("type"), e.getFields().get("data")))
                .toList();
    }

    @Override
    protected Duration heartbeat() {
        return heartbeat;
    }

    /** A job's channel: its listeners read what is new from the job's stream. */
    @Override
    protected void received(String channel, String message) {
        try {
            listeners.forEachOf(UUID.fromString(channel.substring(channel.lastIndexOf(':') + 1)), Listener::wake);
        } catch (IllegalArgumentException e) {
            // Not a job channel (arv:generation:<uuid>): nothing listens to it.
        }
    }

    /** Whatever was published while away is in the streams, so every listener looks. */
    @Override
    protected void resubscribed() {
        listeners.forEach(Listener::wake);
    }

    @Override
    protected void beat() {
        listeners.pruneAndForEach(Listener::heartbeat);
    }
}
