package app.arv.marker;

import app.arv.events.TestRedis;
import app.arv.platform.ServerNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.InstantSource;

import static app.arv.marker.BatchRuntimeAnswers.nextId;
import static org.assertj.core.api.Assertions.assertThat;

/** When a node takes another's compile job for dead: nodes of their own on one real Redis, their clocks given. */
class MarkerNodeTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    /** The start of the story; each node's rounds are told as seconds after it. */
    private final Instant start = Instant.now().minusSeconds(300);

    @Test
    void aNodeJustBackInTouchWithRedisDoesNotTakeAnotherWhoseProofExpiredMeanwhileForDead() {
        MarkerNode running = node();
        MarkerNode back = node();
        long instance = nextId();
        running.runs(instance);
        // Redis was away longer than a proof of life lasts: every proof expired, the running node's as well.
        redis.newConnection().client().del("arv:node:" + running.id() + ":alive");

        roundsFrom(back, 0, 0);
        assertThat(back.ownerIsDead(instance, nextId())).as("just back").isFalse();

        // The running node did not renew its proof for as long as the other has been back: it is gone.
        roundsFrom(back, 10, 30);
        assertThat(back.ownerIsDead(instance, nextId())).as("back for a proof's life").isTrue();
    }

    @Test
    void aNodeSilentForAProofsLifeStartsOverBeforeJudgingOthers() {
        MarkerNode gone = node();
        MarkerNode node = node();
        long instance = nextId();
        gone.runs(instance);
        redis.newConnection().client().del("arv:node:" + gone.id() + ":alive");
        roundsFrom(node, 0, 60);

        // Its rounds did not run for 40 s (the node frozen), so it could not see Redis go and come back.
        roundsFrom(node, 100, 100);

        assertThat(node.ownerIsDead(instance, nextId())).isFalse();
    }

    @Test
    void anExecutionStartedOnThisNodeIsAliveHereThoughRedisLostItsOwner() {
        MarkerNode runner = node();
        MarkerNode other = node();
        long instance = nextId();
        long execution = nextId();
        roundsFrom(runner, 0, 60);
        roundsFrom(other, 0, 60);
        runner.starts(instance, execution);

        // Redis restarted without its data (or the owner's write failed): nobody knows who runs the job.
        redis.newConnection().client().del("arv:markers:job:" + instance + ":node");

        assertThat(runner.ownerIsDead(instance, execution)).as("on its own node").isFalse();
        assertThat(other.ownerIsDead(instance, execution)).as("on another node").isTrue();
    }

    /** The rounds of the last minute, every 10 s, up to now: the node has been in touch with Redis long enough to judge others. */
    static void inTouchWithRedisForAMinute(MarkerNode node) {
        Instant now = Instant.now();
        for (int ago = 60; ago >= 0; ago -= 10) {
            Instant then = now.minusSeconds(ago);
            node.clock = () -> then;
            node.stillAlive();
        }
        node.clock = InstantSource.system();
    }

    /** The node's recovery rounds, every 10 s from {@code from} to {@code to} seconds after the start. */
    private void roundsFrom(MarkerNode node, int from, int to) {
        for (int at = from; at <= to; at += 10) {
            Instant then = start.plusSeconds(at);
            node.clock = () -> then;
            node.stillAlive();
        }
    }

    private MarkerNode node() {
        MarkerNode node = new MarkerNode();
        node.redis = redis.newConnection();
        node.server = ServerNode.named("node-" + nextId());
        node.rules = BatchRuntimeAnswers.RULES;
        return node;
    }
}
