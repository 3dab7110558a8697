package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The organization's store away (503 {@code storage_unavailable}) as the compile jobs met it, per job instance in Redis,
 * for the recovery timer ({@link MarkerJobRecovery}). Such an outage fails the job's execution, not the item
 * ({@link app.arv.marker.batch.StorageAway}); an execution it failed spends none of the job's executions (it is
 * <em>spared</em>), and the job waits for the store up to {@code arv.markers.outage-patience}, as a generation item waits
 * for a dependency that is away, before its items fail with a reason naming the outage. The outage began at the first
 * meeting since an item last got through the store (read and, when ready, its {@code .mind} written), so an outage met
 * after the store was back is a new one with the whole patience. Redis holds the clock because the restarts run on any
 * node; it is the restart claim's home already ({@link MarkerJobRestarts}).
 */
@ApplicationScoped
public class MarkerOutages {

    private static final Logger LOG = Logger.getLogger(MarkerOutages.class.getName());

    /** As long as a job's owner is remembered ({@link MarkerNode}): far longer than any patience. */
    private static final long KEPT_SECONDS = 7 * 24 * 3600;
    /** The store's last answer is kept this short: it ends up in a marker's failure, itself at most 1000 characters. */
    private static final int ERROR_MAX = 300;

    private static final String SINCE = "since";
    private static final String SEEN = "seen";
    private static final String ERROR = "error";
    private static final String SPARED = "spared";

    /**
     * An outage a job has been waiting out: met first at {@code since}, last at {@code seen}, with the store's last answer.
     */
    public record Outage(Instant since, Instant seen, String error) {

        /** Whether {@code execution} met it (an execution of the instance met it after it was created). */
        boolean metBy(JobExecution execution) {
            return MarkerJobRestarts.createdBefore(execution, seen.plusMillis(1));
        }

        /** Whether it has lasted {@code patience} by {@code now}. */
        boolean outlasted(Duration patience, Instant now) {
            return !since.plus(patience).isAfter(now);
        }
    }

    @Inject
    RedisConnection redis;

    /** The clock; replaced in tests. */
    InstantSource clock = InstantSource.system();

    /**
     * The job instance met the store away: its clock starts unless it runs already. Quiet: a Redis hiccup must not fail the
     * chunk (the execution then spends one of the job's executions, as any failure does).
     */
    public void met(long jobInstance, String error) {
        try {
            String key = key(jobInstance);
            String now = clock.instant().toString();
            redis.client().hsetnx(key, SINCE, now);
            redis.client().hset(key, Map.of(SEEN, now, ERROR, error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error));
            redis.client().expire(key, KEPT_SECONDS);
        } catch (RuntimeException e) {
            LOG.fine("Store outage of job instance " + jobInstance + " not recorded: " + e);
        }
    }

    /** An item of the job instance got through the store: an outage met later is a new one. Quiet, as {@link #met}. */
    public void answered(long jobInstance) {
        try {
            redis.client().hdel(key(jobInstance), SINCE);
        } catch (RuntimeException e) {
            LOG.fine("Store answer of job instance " + jobInstance + " not recorded: " + e);
        }
    }

    /**
     * The outage that failed {@code execution} (the instance's newest), if it met one.
     *
     * @throws RuntimeException when Redis fails
     */
    Optional<Outage> failed(long jobInstance, JobExecution execution) {
        Map<String, String> fields = redis.client().hgetAll(key(jobInstance));
        if (!fields.containsKey(SINCE) || !fields.containsKey(SEEN)) {
            return Optional.empty();
        }
        Outage outage = new Outage(Instant.parse(fields.get(SINCE)), Instant.parse(fields.get(SEEN)), fields.get(ERROR));
        return outage.metBy(execution) ? Optional.of(outage) : Optional.empty();
    }

    /** How many of the instance's executions an outage failed and the recovery restarted: they spend none of its executions. */
    int spared(long jobInstance) {
        String spared = redis.client().hget(key(jobInstance), SPARED);
        return spared == null ? 0 : Integer.parseInt(spared);
    }

    /** The recovery restarted an execution an outage failed. */
    void spare(long jobInstance) {
        redis.client().hincrBy(key(jobInstance), SPARED, 1);
        redis.client().expire(key(jobInstance), KEPT_SECONDS);
    }

    private static String key(long jobInstance) {
        return RedisKeys.MARKER_OUTAGES.key(jobInstance);
    }
}
