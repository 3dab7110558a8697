package app.arv.marker;

import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.platform.ServerNode;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;

import static app.arv.marker.BatchRuntimeAnswers.execution;
import static app.arv.marker.BatchRuntimeAnswers.nextId;
import static app.arv.marker.BatchRuntimeAnswers.runtime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restarting compile executions when every node runs the recovery timer: two nodes, one real Redis. */
class MarkerJobRestartsTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();
    /** The parameters of each restart the batch runtime was asked for. */
    private final List<Properties> restarted = new ArrayList<>();
    private boolean runtimeRefuses;

    @Test
    void twoNodesRestartingTheSameExecutionRestartItOnce() {
        JobExecution dead = execution(BatchStatus.STARTED, Instant.now().minusSeconds(120));
        MarkerJobRestarts nodeA = node();
        MarkerJobRestarts nodeB = node();

        OptionalLong byA = nodeA.restart(dead);
        OptionalLong byB = nodeB.restart(dead);

        assertThat(byA).isPresent();
        assertThat(byB).isEmpty();
        assertThat(restarted).hasSize(1);
    }

    @Test
    void anExecutionClaimedByAnOperatorAbandoningItIsNotRestarted() {
        JobExecution stopped = execution(BatchStatus.STOPPED, Instant.now().minusSeconds(120));
        MarkerJobRestarts operatorsNode = node();
        MarkerJobRestarts recoveringNode = node();

        boolean claimed = operatorsNode.claim(stopped);
        OptionalLong restart = recoveringNode.restart(stopped);

        assertThat(claimed).isTrue();
        assertThat(restart).isEmpty();
        assertThat(restarted).isEmpty();
    }

    @Test
    void theRestartKeepsTheJobParametersAndForcesJBeret() {
        JobExecution dead = execution(BatchStatus.STARTED, Instant.now().minusSeconds(120));

        node().restart(dead);

        assertThat(restarted.get(0)).containsEntry("organizationId", "acme")
                .containsEntry(MarkerJobRestarts.JBERET_RESTART_MODE, "force");
    }

    @Test
    void anExecutionTheRuntimeRefusedCanBeRestartedLater() {
        JobExecution failed = execution(BatchStatus.FAILED, Instant.now().minusSeconds(120));
        MarkerJobRestarts node = node();
        runtimeRefuses = true;
        assertThatThrownBy(() -> node.restart(failed)).isInstanceOf(JobRestartException.class);
        runtimeRefuses = false;

        OptionalLong again = node().restart(failed);

        assertThat(again).isPresent();
    }

    @Test
    void anExecutionIsAbandonedOnlyOnceItsNodeStoppedProvingItIsAlive() {
        MarkerJobRestarts nodeA = node();
        MarkerJobRestarts nodeB = node();
        long instance = nextId();
        JobExecution running = execution(BatchStatus.STARTED, Instant.now().minusSeconds(120));
        nodeA.node.runs(instance);
        MarkerNodeTest.inTouchWithRedisForAMinute(nodeB.node);
        assertThat(nodeB.abandoned(instance, running)).isFalse();

        // What the expiry of node A's liveness key does after MarkerRules.nodeAlive without a refresh.
        nodeA.redis.client().del("arv:node:" + nodeA.node.id() + ":alive");

        assertThat(nodeB.abandoned(instance, running)).isTrue();
    }

    @Test
    void aYoungExecutionIsNotJudgedBeforeItCouldNameItsNode() {
        long instance = nextId();
        JobExecution young = execution(BatchStatus.STARTED, Instant.now());

        assertThat(node().abandoned(instance, young)).isFalse();
    }

    @Test
    void finishedStoppedOrFailedExecutionsAreNeverAbandoned() {
        MarkerJobRestarts node = node();
        long instance = nextId();
        Instant old = Instant.now().minusSeconds(120);

        for (BatchStatus status : List.of(BatchStatus.COMPLETED, BatchStatus.STOPPED, BatchStatus.FAILED, BatchStatus.ABANDONED)) {
            assertThat(node.abandoned(instance, execution(status, old))).as(status.name()).isFalse();
        }
    }

    /** A node of its own: its own Redis client and node id, the shared Redis, and a recording batch runtime. */
    private MarkerJobRestarts node() {
        RedisConnection connection = redis.newConnection();
        MarkerNode node = new MarkerNode();
        node.redis = connection;
        node.server = ServerNode.named("node-" + nextId());
        node.rules = BatchRuntimeAnswers.RULES;
        MarkerJobRestarts restarts = new MarkerJobRestarts();
        restarts.node = node;
        restarts.redis = connection;
        restarts.operator = () -> runtime(List.of(), (execution, parameters) -> {
            if (runtimeRefuses) {
                throw new JobRestartException("refused");
            }
            restarted.add(parameters);
            return nextId();
        });
        return restarts;
    }
}
