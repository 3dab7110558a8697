package app.arv.marker;

import app.arv.ManagedConcurrency;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.platform.ServerNode;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static app.arv.marker.BatchRuntimeAnswers.execution;
import static app.arv.marker.BatchRuntimeAnswers.nextId;
import static app.arv.marker.BatchRuntimeAnswers.stopping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An operator's stop on whichever node it lands: nodes of their own on one real Redis, each with the batch runtime of its
 * process (which stops only an execution that runs there).
 */
class BatchJobsStopTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private static final Caller OPERATOR = new Caller(UUID.randomUUID(), null, UUID.randomUUID(), "ops@arv.example",
            Set.of(CallerRole.PLATFORM_ADMIN));

    private final long instance = nextId();
    private final JobExecution running = execution(BatchStatus.STARTED, Instant.now().minusSeconds(120));
    private final BlockingQueue<Long> stoppedByRunner = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<MarkerStops> listening = new ArrayList<>();

    @AfterEach
    void stopListening() {
        listening.forEach(MarkerStops::stop);
        awaitPatternSubscriptions(0);
        scheduler.shutdownNow();
    }

    @Test
    void aStopAskedOfANodeThatDoesNotRunTheExecutionIsHandedToTheNodeThatDoesAndStopsItThere() throws InterruptedException {
        runnerListening();
        BatchJobs other = otherNode(redis.newConnection());

        BatchJobs.Stop stop = other.stop(OPERATOR, running.getExecutionId());

        assertThat(stop).isEqualTo(new BatchJobs.Stop(running.getExecutionId(), "node-a", true));
        assertThat(stoppedByRunner.poll(5, TimeUnit.SECONDS)).isEqualTo(running.getExecutionId());
    }

    @Test
    void aStopAskedOfTheNodeThatRunsTheExecutionStopsItThere() {
        Node runner = runnerListening();

        BatchJobs.Stop stop = runner.jobs().stop(OPERATOR, running.getExecutionId());

        assertThat(stop).isEqualTo(new BatchJobs.Stop(running.getExecutionId(), "node-a", false));
        assertThat(stoppedByRunner).containsExactly(running.getExecutionId());
    }

    @Test
    void anExecutionWhoseNodeIsGoneCannotBeStoppedAndTheAnswerSaysWhatCan() {
        Node runner = runnerListening();
        // Its proof of life expired: the node was killed (its subscription gone with it).
        redis.newConnection().client().del("arv:node:" + runner.marker().id() + ":alive");

        DomainException refused = refusal(otherNode(redis.newConnection()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("job_node_gone");
        assertThat(refused.getMessage()).contains("node-a").contains("restart");
        assertThat(stoppedByRunner).isEmpty();
    }

    @Test
    void aStopForANodeThatDoesNotHearStopsNowIsUnavailableNotHandedOver() {
        Node runner = node("node-a", redis.newConnection(), stopping(instance, running, true, stoppedByRunner::add));
        runner.marker().starts(instance, running.getExecutionId());

        DomainException refused = refusal(otherNode(redis.newConnection()));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("node_unreachable");
    }

    @Test
    void aStopOfARestartedExecutionTheOwnerRecordDoesNotNameYetIsUnavailableNotHandedToTheNodeOfTheEarlierOne() {
        // Node A ran the job's earlier execution and still hears stops; the restart runs elsewhere and has not claimed yet.
        Node earlier = node("node-a", redis.newConnection(), stopping(instance, running, false, stoppedByRunner::add));
        earlier.marker().starts(instance, running.getExecutionId() - 1);
        earlier.stops().listen();
        awaitPatternSubscriptions(1);

        DomainException refused = refusal(otherNode(redis.newConnection()));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("node_unreachable");
        assertThat(refused.getMessage()).contains("not named the node");
    }

    @Test
    void withoutRedisAStopForAnotherNodesExecutionIsUnavailable() {
        runnerListening();

        DomainException refused = refusal(otherNode(redis.newConnection(TestRedis.nowhere())));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("node_unreachable");
        assertThat(stoppedByRunner).isEmpty();
    }

    @Test
    void anExecutionTheRepositoryRecordsAsEndedIsNotRunning() {
        JobExecution completed = execution(BatchStatus.COMPLETED, Instant.now().minusSeconds(120));
        BatchJobs node = node("node-b", redis.newConnection(), stopping(instance, completed, true, stoppedByRunner::add)).jobs();

        DomainException refused = catchThrowableOfType(DomainException.class, () -> node.stop(OPERATOR, completed.getExecutionId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("job_not_running");
        assertThat(stoppedByRunner).isEmpty();
    }

    private DomainException refusal(BatchJobs asked) {
        return catchThrowableOfType(DomainException.class, () -> asked.stop(OPERATOR, running.getExecutionId()));
    }

    /** Node A, which runs the execution and hears the stops handed to it. */
    private Node runnerListening() {
        Node runner = node("node-a", redis.newConnection(), stopping(instance, running, true, stoppedByRunner::add));
        runner.marker().starts(instance, running.getExecutionId());
        runner.stops().listen();
        awaitPatternSubscriptions(1);
        return runner;
    }

    /** Node B, whose batch runtime does not run the execution, reaching Redis through {@code connection}. */
    private BatchJobs otherNode(RedisConnection connection) {
        return node("node-b", connection, stopping(instance, running, false, id -> {
        })).jobs();
    }

    /** One node: its proof of life, its stops, its operators' view, over {@code runtime} (its process's batch runtime). */
    private record Node(MarkerNode marker, MarkerStops stops, BatchJobs jobs) {
    }

    private Node node(String name, RedisConnection connection, JobOperator runtime) {
        MarkerNode marker = new MarkerNode();
        marker.redis = connection;
        marker.server = ServerNode.named(name);
        marker.rules = BatchRuntimeAnswers.RULES;
        try {
            MarkerNodeTest.inTouchWithRedisForAMinute(marker);
        } catch (RuntimeException e) {
            // Cut off from Redis: it cannot say it is alive.
        }
        MarkerStops stops = new MarkerStops();
        stops.redis = connection;
        stops.node = marker;
        stops.operator = () -> runtime;
        stops.threads = ManagedConcurrency.threads();
        stops.scheduler = ManagedConcurrency.scheduler(scheduler);
        listening.add(stops);
        BatchJobs jobs = new BatchJobs();
        jobs.node = marker;
        jobs.stops = stops;
        jobs.operator = () -> runtime;
        return new Node(marker, stops, jobs);
    }

    /** Until Redis counts {@code count} pattern subscriptions (each test's node A hears on its own; none outlives its test). */
    private static void awaitPatternSubscriptions(long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RedisConnection probe = redis.newConnection();
        while ((Long) probe.client().sendCommand(Protocol.Command.PUBSUB, "NUMPAT") != count) {
            assertThat(System.nanoTime()).as("%s pattern subscriptions within 10 s", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
