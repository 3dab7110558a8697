package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import app.arv.platform.ServerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This server process as the compile jobs know it. A node proves it is alive with a short-lived
 * Redis key it keeps refreshing; each running job instance names the node that runs it. A job
 * whose node's key has expired was left behind by a dead process (killed, crashed, partitioned).
 * <p>
 * Two rules keep a live node's job from being taken for dead. A node judges others only once it has itself been in
 * unbroken contact with Redis for {@link MarkerRules#nodeAlive}: after Redis was away that long every proof of life has
 * expired, and the first node back would otherwise declare all the others dead before they could say otherwise. And a
 * node knows the executions it started itself without asking Redis, so one whose owner was never written (a Redis
 * hiccup) or was lost (Redis restarted without its data) is not dead on the node that runs it.
 */
@ApplicationScoped
public class MarkerNode {

    private static final long JOB_OWNER_SECONDS = 7 * 24 * 3600;
    /** Executions remembered as started here: far more than a node runs at once. */
    private static final int STARTED_HERE = 1000;

    private final String id = UUID.randomUUID().toString();

    /** Oldest first; guarded by itself. */
    private final Set<Long> startedHere = new LinkedHashSet<>();

    /** Since when this node has been in unbroken contact with Redis; null while it is not. */
    private volatile Instant inContactSince;
    private volatile Instant lastContact;

    @Inject
    RedisConnection redis;

    @Inject
    ServerNode server;

    /** {@link MarkerRules#nodeAlive}: how long the proof lasts; {@link MarkerJobRecovery} renews it every round. */
    @Inject
    MarkerRules rules;

    /** The clock; replaced in tests. */
    InstantSource clock = InstantSource.system();

    public String id() {
        return id;
    }

    /** This node's name ({@link ServerNode}), as operators know it. */
    public String name() {
        return server.name();
    }

    /** Renews this node's proof of life; a failure breaks its contact with Redis, and so its right to judge others. */
    public void stillAlive() {
        Instant now = clock.instant();
        try {
            redis.client().psetex(nodeKey(id), rules.nodeAlive().toMillis(), "1");
        } catch (RuntimeException e) {
            inContactSince = null;
            throw e;
        }
        // A silence as long as a proof of life (this node frozen, its rounds not running) breaks the contact as well.
        if (inContactSince == null || lastContact == null || lastContact.isBefore(now.minus(rules.nodeAlive()))) {
            inContactSince = now;
        }
        lastContact = now;
    }

    /** How long a node counts as alive after it last said so. */
    public Duration aliveFor() {
        return rules.nodeAlive();
    }

    /**
     * An execution of the job instance starts on this node: remembered here first, then named in Redis.
     *
     * @throws RuntimeException when Redis fails (the execution is remembered here all the same)
     */
    public void starts(long jobInstance, long execution) {
        synchronized (startedHere) {
            startedHere.add(execution);
            if (startedHere.size() > STARTED_HERE) {
                startedHere.remove(startedHere.iterator().next());
            }
        }
        runs(jobInstance);
        // Which execution the owner runs: until a restart elsewhere claims, the record still names the earlier one's node.
        redis.client().setex(jobKey(jobInstance) + "-execution", JOB_OWNER_SECONDS, Long.toString(execution));
    }

    public void runs(long jobInstance) {
        stillAlive();
        redis.client().setex(jobKey(jobInstance), JOB_OWNER_SECONDS, id);
        redis.client().setex(jobKey(jobInstance) + "-name", JOB_OWNER_SECONDS, server.name());
        redis.client().expire(jobKey(jobInstance) + "-execution", JOB_OWNER_SECONDS);
    }

    /** The name ({@link ServerNode}) of the node that last ran the job instance, for operators; null if unknown. */
    public String ownerName(long jobInstance) {
        return redis.client().get(jobKey(jobInstance) + "-name");
    }

    /**
     * The node that runs the job instance, as Redis names it ({@code name} null if Redis lost it), or empty when Redis
     * names none. {@code alive} unless its proof of life expired; a node not yet in touch with Redis long enough to
     * judge others takes every node for alive, as {@link #ownerIsDead} does.
     *
     * @throws RuntimeException when Redis fails
     */
    public Optional<Owner> owner(long jobInstance) {
        String owner = redis.client().get(jobKey(jobInstance));
        if (owner == null) {
            return Optional.empty();
        }
        boolean alive = id.equals(owner) || !judgesOthers() || redis.client().exists(nodeKey(owner));
        String execution = redis.client().get(jobKey(jobInstance) + "-execution");
        return Optional.of(new Owner(owner, redis.client().get(jobKey(jobInstance) + "-name"), alive,
                execution == null ? null : Long.valueOf(execution)));
    }

    /**
     * A node running a job instance: its {@link #id()}, its name, whether it still proves it is alive, and the execution
     * it started (null when Redis no longer knows).
     */
    public record Owner(String id, String name, boolean alive, Long execution) {

        /** Whether the record is of another execution of the instance: a restart that has not named its node yet. */
        public boolean ranAnotherThan(long execution) {
            return this.execution != null && this.execution != execution;
        }
    }

    /**
     * Whether the node that runs the job instance's execution is gone. Never one this node started, nor while this node
     * has not been in touch with Redis long enough to know; else an owner whose proof of life expired, or an unknown
     * one, is gone.
     */
    public boolean ownerIsDead(long jobInstance, long execution) {
        if (startedHere(execution) || !judgesOthers()) {
            return false;
        }
        String owner = redis.client().get(jobKey(jobInstance));
        if (id.equals(owner)) {
            return false;
        }
        return owner == null || !redis.client().exists(nodeKey(owner));
    }

    private boolean startedHere(long execution) {
        synchronized (startedHere) {
            return startedHere.contains(execution);
        }
    }

    /** Whether every live node has had the time to renew its proof of life since this node's contact with Redis began. */
    private boolean judgesOthers() {
        Instant since = inContactSince;
        return since != null && !since.isAfter(clock.instant().minus(rules.nodeAlive()));
    }

    private static String nodeKey(String node) {
        return RedisKeys.MARKER_NODES.key(node, "alive");
    }

    private static String jobKey(long jobInstance) {
        return RedisKeys.MARKER_JOB_OWNERS.key(jobInstance, "node");
    }
}
