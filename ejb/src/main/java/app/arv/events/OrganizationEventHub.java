package app.arv.events;

import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything happening in an organization, live, for this node's WebSocket clients. Publishers put a
 * JSON object on {@code arv:org:<organization>:<source>} (generations, markers); one pattern
 * subscription per node hands each to the organization's listeners with {@code "source"} added, so
 * a client on any node sees work done on any node. Live only: a client that was away has the REST
 * API (and a generation job's SSE stream) to catch up.
 */
@ApplicationScoped
public class OrganizationEventHub extends RedisFanOut<OrganizationEventHub.Listener> {

    /** A node-local client of one organization's events. */
    public interface Listener {

        void deliver(String json);

        boolean isClosed();

        /** Checks the client's credential again (on each heartbeat, and when credentials change) and leaves if it is refused. */
        default void recheck() {
        }

        /** The person whose socket this is ({@code null} for an API key): only they get events addressed to them. */
        default UUID personId() {
            return null;
        }
    }

    @Inject
    @ConfigProperty(name = "arv.events.heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "arv.events.max-sockets-per-organization", defaultValue = "100")
    int maxSocketsPerOrganization;

    /**
     * Adds a socket's listener unless the organization already has {@code arv.events.max-sockets-per-organization} open
     * on this node: every event of the organization is queued to each of its sockets, so one credential opening
     * thousands would make every event cost thousands of sends. {@code greeting} is delivered to it first, before any
     * event. {@return whether it was added}
     */
    public boolean addSocket(UUID organizationId, Listener listener, String greeting) {
        if (!listeners.addIfFewerThan(organizationId, listener, maxSocketsPerOrganization, () -> listener.deliver(greeting))) {
            return false;
        }
        start();
        return true;
    }

    public OrganizationEventHub() {
        super(RedisKeys.ORGANIZATION_EVENTS.pattern(), "arv-organization-events", Listener::isClosed);
    }

    public static String channel(UUID organizationId, String source) {
        return RedisKeys.ORGANIZATION_EVENTS.key(organizationId, source);
    }

    /** A channel of events for one person of the organization only (their notifications): {@code arv:org:<org>:<source>:<person>}. */
    public static String personChannel(UUID organizationId, String source, UUID personId) {
        return channel(organizationId, source) + ":" + personId;
    }

    @Override
    protected Duration heartbeat() {
        return heartbeat;
    }

    /**
     * {@code arv:org:<uuid>:<source>} and a JSON object: delivered with its source to the organization's listeners;
     * {@code arv:org:<uuid>:<source>:<person>} to that person's listeners only; anything else is not ours.
     */
    @Override
    protected void received(String channel, String message) {
        String[] parts = channel.split(":");
        if (parts.length != 4 && parts.length != 5) {
            return;
        }
        UUID organizationId;
        UUID personId;
        JsonObject event;
        try {
            organizationId = UUID.fromString(parts[2]);
            personId = parts.length == 5 ? UUID.fromString(parts[4]) : null;
            // Every event of every organization reaches every node: most have nobody to deliver to here.
            if (!listeners.follows(organizationId)) {
                return;
            }
            event = Jsonp.readObject(message);
        } catch (IllegalArgumentException | JsonException e) {
            return;
        }
        String json = Jsonp.createObjectBuilder(event).add("source", parts[3]).build().toString();
        listeners.forEachOf(organizationId, listener -> {
            if (personId == null || personId.equals(listener.personId())) {
                listener.deliver(json);
            }
        });
    }

    @Override
    protected void beat() {
        String json = Jsonp.createObjectBuilder().add("source", "server").add("event", "heartbeat")
                .add("time", Instant.now().toString()).build().toString();
        listeners.pruneAndForEach(listener -> {
            listener.recheck();
            if (!listener.isClosed()) {
                listener.deliver(json);
            }
        });
    }

    /**
     * A key was revoked, a person or an organization changed (told by {@code security}, which knows credentials): the
     * clients it concerns leave now rather than at the next heartbeat. On the scheduler, not the notifying thread: that
     * may be finishing the transaction that made the change, or be the Redis subscription, and checks read the database.
     */
    public void recheckListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        scheduler.execute(() -> listeners.forEach(Listener::recheck));
    }
}
