package app.arv.generation;

import app.arv.events.AfterCommit;
import app.arv.events.OrganizationEventHub;
import app.arv.events.RedisConnection;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.XAddParams;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job's events ({@code progress}, {@code item_completed}, {@code item_failed}, {@code completed}) on
 * Redis: appended to the stream {@code arv:generation:<job>:events} (kept a day, so a client can replay
 * what it missed) and announced on the channel {@code arv:generation:<job>}, so a listener on any node
 * sees work done on any node; also on the organization's channel ({@link OrganizationEventHub}, for
 * WebSocket clients of all its jobs). Sent after the commit that made them true; a Redis outage costs the event,
 * never the state change.
 */
@ApplicationScoped
public class GenerationEvents {

    private static final Logger LOG = Logger.getLogger(GenerationEvents.class.getName());
    private static final long KEEP_SECONDS = 24 * 3600;
    private static final long MAX_EVENTS = 10_000;

    @Inject
    RedisConnection redis;

    @Inject
    AfterCommit afterCommit;

    /** The events' source on the organization's channel (WebSocket clients). */
    public static final String ORGANIZATION_SOURCE = "generations";

    /** Every job's channel, for one subscription per node. */
    public static final String CHANNEL_PATTERN = "arv:generation:*";

    public static String channel(UUID jobId) {
        return "arv:generation:" + jobId;
    }

    public static String stream(UUID jobId) {
        return channel(jobId) + ":events";
    }

    public void publish(UUID organizationId, UUID jobId, JobEvent event) {
        String type = event.type().wireName();
        Runnable send = () -> {
            try {
                var id = redis.client().xadd(stream(jobId), XAddParams.xAddParams().maxLen(MAX_EVENTS).approximateTrimming(),
                        Map.of("type", type, "data", event.data().toString()));
                redis.client().expire(stream(jobId), KEEP_SECONDS);
                redis.client().publish(channel(jobId), id + " " + type);
                redis.client().publish(OrganizationEventHub.channel(organizationId, ORGANIZATION_SOURCE), Jsonp.createObjectBuilder()
                        .add("event", type).add("job", jobId.toString()).add("id", id.toString()).add("data", event.data()).build().toString());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Generation event " + type + " of job " + jobId + " not published to Redis", e);
            }
        };
        afterCommit.run(send);
    }
}
