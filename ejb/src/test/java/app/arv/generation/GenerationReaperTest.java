package app.arv.generation;

import app.arv.events.TestRedis;
import app.arv.generation.fal.FalModelProvider;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.protection.QuotaRules;
import app.arv.protection.Quotas;
import app.arv.protection.RateLimitRules;
import app.arv.protection.Usage;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reaper round does with items left queued (their message presumably lost) or processing without progress
 * (their worker gone), on a real PostgreSQL and Redis without a server; the messages it sends are kept by a
 * {@link RecordingBroker}. The bounds are the defaults: a message is sent again after 30 minutes in the queue, an item
 * still queued 6 hours after that fails, and one processing without a change for 15 minutes fails.
 */
class GenerationReaperTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    /** The message GenerationService sent for an item. */
    private static final UUID MESSAGE = UUID.randomUUID();
    /** The default arv.generation.stuck-after. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(15);
    /** The default arv.generation.outage-patience. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final RecordingBroker broker = new RecordingBroker();
    private GenerationFixture fixture;

    @BeforeEach
    void anOrganizationAndTheDefaultBounds() {
        fixture = new GenerationFixture(redis);
        fixture.supply(ConnectionFactory.class, broker.connections());
        fixture.supply(GenerationRules.class, new GenerationRules(Duration.ofMinutes(1), STUCK_AFTER, Duration.ofMinutes(30),
                Duration.ofHours(6), Duration.ofHours(1), Duration.ofDays(30), PATIENCE, Duration.ofSeconds(15)));
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
    void aFalItemFailedForItsLostMessagesGivesBackWhatItWasCountedFor() {
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, true, 100));
        fixture.supply(RateLimitRules.class, new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000));
        GenerationItem item = fixture.countedJob(FalModelProvider.NAME, fixture.image()).get(0);
        sentEarlier(item, Duration.ofMinutes(31));
        aReaperRound();
        sentEarlier(item, Duration.ofHours(6).plusMinutes(1));

        aReaperRound();

        Usage used = fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org()));
        assertThat(used.falItems()).as("fal items this month").isZero();
        assertThat(used.generationItems()).as("generations this month").isZero();
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

    /** The search of a reaper round for items stuck in processing, with the default bound of 15 minutes. */
    private List<GenerationQueue.ItemRef> stuckItemsFound(Instant now) {
        return fixture.call(GenerationSteps.class, steps -> steps.stuckSince(now.minus(STUCK_AFTER), 200));
    }

    private boolean reaped(GenerationItem item, Instant now) {
        return fixture.call(GenerationSteps.class,
                steps -> steps.reapStuck(fixture.org(), item.getId(), now.minus(STUCK_AFTER), now.minus(STUCK_AFTER).minus(PATIENCE)));
    }

    @Test
    void anItemWithoutProgressForLongerThanTheBoundFailsAndItsJobEnds() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        sentEarlier(item, STUCK_AFTER.plusMinutes(1));

        aReaperRound();

        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).startsWith("No progress since ").endsWith(": the worker stopped (server restarted or stuck)");
        assertThat(fixture.jobOf(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void anItemWhoseWorkerReportsProgressAfterTheReapersSearchIsLeftToIt() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        sentEarlier(item, STUCK_AFTER.plusMinutes(1));
        Instant now = Instant.now();
        assertThat(stuckItemsFound(now)).extracting(GenerationQueue.ItemRef::itemId).contains(item.getId());
        fixture.run(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 40, "generating"));

        boolean failed = reaped(item, now);

        assertThat(failed).isFalse();
        GenerationItem going = fixture.reread(item);
        assertThat(going.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(going.getProgress()).isEqualTo(40);
    }

    @Test
    void anItemTakenAgainByARedeliveryAfterTheReapersSearchIsLeftToItsWorker() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        sentEarlier(item, STUCK_AFTER.plusMinutes(1));
        Instant now = Instant.now();
        assertThat(stuckItemsFound(now)).extracting(GenerationQueue.ItemRef::itemId).contains(item.getId());
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        boolean failed = reaped(item, now);

        assertThat(failed).isFalse();
        GenerationItem taken = fixture.reread(item);
        assertThat(taken.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(taken.getAttempts()).isEqualTo(2);
    }

    @Test
    void anItemThatFinishedAfterTheReapersSearchKeepsItsModel() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        sentEarlier(item, STUCK_AFTER.plusMinutes(1));
        Instant now = Instant.now();
        assertThat(stuckItemsFound(now)).extracting(GenerationQueue.ItemRef::itemId).contains(item.getId());
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "refused by the provider"));

        boolean failed = reaped(item, now);

        assertThat(failed).isFalse();
        assertThat(fixture.reread(item).getError()).isEqualTo("refused by the provider");
    }

    @Test
    void anItemWaitingOutAnOutageIsNotTakenForOneWhoseWorkerDiedWithinItsPatience() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.attemptStoppedByOutage(fixture.org(), item.getId(), MESSAGE, "storage away", false));
        sentEarlier(item, STUCK_AFTER.plusMinutes(1));

        aReaperRound();

        GenerationItem waiting = fixture.reread(item);
        assertThat(waiting.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(waiting.getStage()).isEqualTo(GenerationItem.WAITING);
    }

    @Test
    void anItemLeftWaitingLongerThanThePatienceAndTheBoundFails() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.attemptStoppedByOutage(fixture.org(), item.getId(), MESSAGE, "storage away", false));
        sentEarlier(item, STUCK_AFTER.plus(PATIENCE).plusMinutes(1));

        aReaperRound();

        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }
}
