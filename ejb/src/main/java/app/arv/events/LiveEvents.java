package app.arv.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.JedisPooled;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events announced on Redis once the change they tell of is committed ({@link AfterCommit}): a listener that reacts
 * by reading the API sees the new state, and a change that rolled back is never told. A Redis outage costs the event
 * (logged), never the change: the work runs after the commit, where nothing can undo it any more.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    AfterCommit afterCommit;

    /**
     * Publishes {@code message} on each of {@code channels}, in order, once the current transaction has committed.
     *
     * @param what the event as the log names it when Redis is away, e.g. {@code "Marker status of <id>"}
     */
    public void publish(String what, String message, String... channels) {
        afterCommit(what, client -> {
            for (String channel : channels) {
                client.publish(channel, message);
            }
        });
    }

    /** Sends an event by other Redis work than one publish (a script that appends to a stream and announces, say). */
    public void afterCommit(String what, Consumer<JedisPooled> work) {
        afterCommit.run(() -> {
            try {
                work.accept(redis.client());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " not published to Redis", e);
            }
        });
    }
}
