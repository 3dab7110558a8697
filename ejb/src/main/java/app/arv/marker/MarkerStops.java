package app.arv.marker;

import app.arv.events.PatternSubscription;
import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import app.arv.events.SubscriptionOnce;
import app.arv.shared.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Operators' stops handed between nodes. The batch runtime stops only an execution that runs in its own process
 * ({@link JobOperator#stop}), and an operator's request lands on any node: a node asked to stop an execution it does not
 * run hands the stop to the node that does ({@link MarkerNode#owner}) on that node's own Redis channel
 * {@code arv:markers:stop:<node id>} ({@link RedisKeys#MARKER_STOPS}), which each node hears from its first compile job on ({@link #listen()}), and
 * the node that hears it stops the execution in its process. Redis counts who heard a message: a stop nobody heard is
 * not reported as handed over.
 */
@ApplicationScoped
public class MarkerStops {

    private static final Logger LOG = Logger.getLogger(MarkerStops.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    MarkerNode node;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The batch runtime's operator; replaced in tests. */
    Supplier<JobOperator> operator = BatchRuntime::getJobOperator;

    private final SubscriptionOnce subscription = new SubscriptionOnce();

    /** Starts hearing the stops handed to this node (once; the subscription outlives Redis outages). */
    public void listen() {
        subscription.start(() -> new PatternSubscription(redis, RedisKeys.MARKER_STOPS.key(node.id()), (channel, message) -> received(message), () -> {
        }), started -> {
            // Nothing to beat: a stop is heard or not, and its sender learns which from Redis.
            started.start(threads, "arv-marker-stops", scheduler, Duration.ofHours(1), () -> {
            });
        });
    }

    /**
     * Hands the stop of the job instance's execution to the node that runs it.
     *
     * @return the name of the node that heard it
     * @throws DomainException 409 {@code job_node_gone} when that node no longer proves it is alive (nothing can stop
     *                         the execution: its job is restarted on a live node), 503 {@code node_unreachable} when
     *                         Redis is away, names no node for a young execution, or the node does not hear it now
     */
    public String handOver(long jobInstance, long execution, boolean young) {
        MarkerNode.Owner owner = viaRedis(execution, () -> node.owner(jobInstance)).orElse(null);
        if ((owner == null && young) || (owner != null && owner.ranAnotherThan(execution))) {
            // No node named yet, or the node of an earlier execution (a restart that has not claimed its items yet): the
            // stop would go where the execution does not run, be heard there and be reported handed over.
            throw notNamedYet(execution);
        }
        if (owner == null || !owner.alive()) {
            throw DomainException.conflict("job_node_gone", "Execution " + execution + " was left running by "
                    + (owner == null || owner.name() == null ? "a node" : "node " + owner.name())
                    + " that is gone (no proof of life for " + node.aliveFor().toSeconds() + " s): nothing can stop it."
                    + " The recovery timer restarts its job on a live node (or restart it here); stop that execution,"
                    + " then abandon it if it must not run");
        }
        if (owner.id().equals(node.id())) {
            // This node ran the job last, and the execution that runs it now has not named its node yet.
            throw notNamedYet(execution);
        }
        String name = owner.name() == null ? owner.id() : owner.name();
        long heard = viaRedis(execution, () -> redis.client().publish(RedisKeys.MARKER_STOPS.key(owner.id()), Long.toString(execution)));
        if (heard == 0) {
            throw DomainException.nodeUnreachable("Execution " + execution + " runs on node " + name
                    + ", which does not hear stops right now; try again shortly");
        }
        return name;
    }

    private static DomainException notNamedYet(long execution) {
        return DomainException.nodeUnreachable("Execution " + execution
                + " has not named the node that runs it yet; try again in a moment");
    }

    private static <T> T viaRedis(long execution, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stop of execution " + execution + " not handed over (Redis away?)", e);
            throw DomainException.nodeUnreachable("Execution " + execution
                    + " runs on another node, which cannot be told right now (Redis is away); try again shortly");
        }
    }

    /** A stop handed to this node: the batch runtime stops the execution if it still runs here. */
    private void received(String message) {
        long execution;
        try {
            execution = Long.parseLong(message);
        } catch (NumberFormatException e) {
            LOG.warning("Ignored a stop handed over for no execution: " + message);
            return;
        }
        try {
            operator.get().stop(execution);
            LOG.info("Execution " + execution + " stopping, as another node was asked");
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            LOG.info("Execution " + execution + " not stopped as another node was asked: it no longer runs here");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Execution " + execution + " not stopped as another node was asked", e);
        }
    }

    @PreDestroy
    void stop() {
        subscription.stop();
    }
}
