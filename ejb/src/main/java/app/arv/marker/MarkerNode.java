package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.platform.ServerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;

/**
 * This server process as the compile jobs know it. A node proves it is alive with a short-lived
 * Redis key it keeps refreshing; each running job instance names the node that runs it. A job
 * whose node's key has expired was left behind by a dead process (killed, crashed, partitioned).
 */
@ApplicationScoped
public class MarkerNode {

    private static final long JOB_OWNER_SECONDS = 7 * 24 * 3600;

    private final String id = UUID.randomUUID().toString();

    @Inject
    RedisConnection redis;

    @Inject
    ServerNode server;

    /** {@link MarkerRules#nodeAlive}: how long the proof lasts; {@link MarkerJobRecovery} renews it every round. */
    @Inject
    MarkerRules rules;

    public String id() {
        return id;
    }

    public void stillAlive() {
        redis.client().psetex(nodeKey(id), rules.nodeAlive().toMillis(), "1");
    }

    /** How long a node counts as alive after it last said so. */
    public Duration aliveFor() {
        return rules.nodeAlive();
    }

    public void runs(long jobInstance) {
        stillAlive();
        redis.client().setex(jobKey(jobInstance), JOB_OWNER_SECONDS, id);
        redis.client().setex(jobKey(jobInstance) + "-name", JOB_OWNER_SECONDS, server.name());
    }

    /** The name ({@link ServerNode}) of the node that last ran the job instance, for operators; null if unknown. */
    public String ownerName(long jobInstance) {
        return redis.client().get(jobKey(jobInstance) + "-name");
    }

    /** Whether the node that last ran the job instance is gone (unknown owners count as gone). */
    public boolean ownerIsDead(long jobInstance) {
        String owner = redis.client().get(jobKey(jobInstance));
        if (id.equals(owner)) {
            return false;
        }
        return owner == null || !redis.client().exists(nodeKey(owner));
    }

    private static String nodeKey(String node) {
        return "arv:node:" + node + ":alive";
    }

    private static String jobKey(long jobInstance) {
        return "arv:markers:job:" + jobInstance + ":node";
    }
}
