package app.arv.generation;

import app.arv.events.TestRedis;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reaper round does with items left queued (their message presumably lost), on a real PostgreSQL and Redis
 * without a server; the messages it sends are kept by a {@link RecordingBroker}. The bounds are the defaults: a message
 * is sent again after 30 minutes in the queue, and an item still queued 6 hours after that fails.
 */
class GenerationReaperTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private final RecordingBroker broker = new RecordingBroker();
    private GenerationFixture fixture;

    @BeforeEach
    void anOrganizationAndTheDefaultBounds() {
        fixture = new GenerationFixture(redis);
        fixture.supply(ConnectionFactory.class, broker.connections());
        fixture.supply(GenerationRules.class, new GenerationRules(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(6), Duration.ofHours(1), Duration.ofDays(30)));
    }

    /** One round of the reaper, as its timer fires it on a node. */
    private void aReaperRound() {
        fixture.run(GenerationReaper.class, reaper -> reaper.reap());
    }

    /** The item's message was sent (or re-sent) that much earlier than its row says. */
    private static void sentEarlier(GenerationItem item, Duration earlier) {
        Database.inTransaction(em -> em.createNativeQuery("UPDATE generation_item SET updated_at = updated_at - make_interval(secs => ?1),"
                + " resent_at = resent_at - make_interval(secs => ?1) WHERE id = ?2")
                .setParameter(1, earlier.toSeconds()).setParameter(2, item.getId()).executeUpdate());
    }

    @Test
    void anItemLeftQueuedLongerThanTheBoundGetsItsMessageAgain() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));

        aReaperRound();

        assertThat(broker.sent()).singleElement().satisfies(message -> {
            assertThat(message.queue()).isEqualTo(GenerationQueue.NORMAL);
            assertThat(message.properties()).containsEntry("itemId", item.getId().toString())
                    .containsEntry("organizationId", fixture.org().toString()).containsKey("messageId");
        });
        GenerationItem waiting = fixture.reread(item);
        assertThat(waiting.getStatus()).isEqualTo(GenerationStatus.QUEUED);
        assertThat(waiting.getResentAt()).isNotNull();
    }

    @Test
    void anItemQueuedForLessThanTheBoundIsLeftWaiting() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(29));

        aReaperRound();

        assertThat(broker.sent()).isEmpty();
        assertThat(fixture.reread(item).getResentAt()).isNull();
    }

    @Test
    void anItemsMessageIsSentAgainOnceHoweverManyRoundsOrNodesLookAtIt() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));

        aReaperRound();
        aReaperRound();

        assertThat(broker.sent()).hasSize(1);
    }

    @Test
    void whicheverMessageOfAnItemComesFirstTakesItAndTheOtherIsDropped() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));
        aReaperRound();
        UUID first = UUID.randomUUID();
        UUID resent = UUID.fromString((String) broker.sent().get(0).properties().get("messageId"));

        var firstClaim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), first));
        var resentClaim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), resent));

        assertThat(firstClaim).isPresent();
        assertThat(resentClaim).isEmpty();
        assertThat(fixture.reread(item).getAttempts()).isEqualTo(1);
    }

    @Test
    void anItemStillQueuedLongAfterItsMessageWasSentAgainFailsAndItsJobEnds() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));
        aReaperRound();
        sentEarlier(item, Duration.ofHours(6).plusMinutes(1));

        aReaperRound();

        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).startsWith("Not taken from the queue: its message was lost");
        assertThat(fixture.jobOf(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(fixture.eventTypes(item)).containsExactly("item_failed", "completed");
        assertThat(broker.sent()).hasSize(1);
    }

    @Test
    void anItemAWorkerTookJustBeforeTheRoundIsNotSentAgain() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), UUID.randomUUID()));

        aReaperRound();

        assertThat(broker.sent()).isEmpty();
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.PROCESSING);
    }
}
