package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.platform.ServerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * This server process as the compile jobs know it. A node proves it is alive with a short-lived
 * Redis key it keeps refreshing; each running job instance names the node that runs it. A job
 * whose node's key has expired was left behind by a dead process (killed, crashed, partitioned).
 */
@ApplicationScoped
public class MarkerNode {

    /** How long a node counts as alive after its last refresh; {@link MarkerJobRecovery} refreshes well within it. */
    static final long ALIVE_SECONDS = 30;
    private static final long JOB_OWNER_SECONDS = 7 * 24 * 3600;

    private final String id = UUID.randomUUID().toString();

    @Inject
    RedisConnection redis;

    @Inject
    ServerNode server;

    public String id() {
        return id;
    }

    public void stillAlive() {
        redis.client().setex(nodeKey(id), ALIVE_SECONDS, "1");
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
