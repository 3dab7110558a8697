package app.arv.generation;

import app.arv.events.TestRedis;
import app.arv.generation.fal.FalModelProvider;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.protection.QuotaRules;
import app.arv.protection.Quotas;
import app.arv.protection.RateLimitRules;
import app.arv.protection.Usage;
import jakarta.persistence.LockModeType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item's steps on a real PostgreSQL (after Flyway, Hibernate validating the mapping) and a real
 * Redis, without a server: each step in its own committed transaction, as a worker's calls run, and
 * the events read back from the job's stream as SSE clients read them.
 */
class GenerationStepsTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    /** The message GenerationService sent for an item. */
    private static final UUID MESSAGE = UUID.randomUUID();

    private GenerationFixture fixture;

    @BeforeEach
    void anOrganization() {
        fixture = new GenerationFixture(redis);
    }

    @Test
    void aClaimedItemRunsOnTheClaimingNodeWithItsJobsOptions() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE)).orElseThrow();

        assertThat(claim.options()).isEqualTo(new GenerationOptions(2000, TextureQuality.HD));
        assertThat(claim.provider()).isEqualTo(LocalModelProvider.NAME);
        GenerationItem taken = fixture.reread(item);
        assertThat(taken.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(taken.getNode()).isEqualTo("node-a");
        assertThat(fixture.jobOf(item).getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(fixture.eventTypes(item)).containsExactly("progress");
    }

    @Test
    void aFinishedItemIsNotClaimedAgain() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        assertThat(claim).isEmpty();
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void anItemWhoseSourceWasDeletedFailsWhenClaimed() {
        MediaResource source = fixture.image();
        GenerationItem item = fixture.queuedJob(source).get(0);
        Database.inTransaction(em -> em.find(MediaResource.class, source.getId()).markDeleted(Instant.now()));

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        assertThat(claim).isEmpty();
        assertThat(fixture.reread(item).getError()).contains("source image was deleted");
        assertThat(fixture.jobOf(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void theLastItemToEndSettlesTheJobAndAnnouncesItOnce() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
        assertThat(fixture.jobOf(items.get(0)).getStatus()).isEqualTo(GenerationStatus.PROCESSING);

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        assertThat(fixture.jobOf(items.get(0)).getStatus()).isEqualTo(GenerationStatus.FAILED);
        List<StoredEvent> events = fixture.events(items.get(0));
        assertThat(events).extracting(StoredEvent::type).containsExactly("item_failed", "item_failed", "completed");
        assertThat(events.get(2).data()).isEqualTo("{\"status\":\"failed\",\"completed\":0,\"failed\":2}");
        assertThat(fixture.count("arv_generation_items_failed")).isEqualTo(2);
    }

    @Test
    void anItemTheBrokerGaveUpOnFailsWithItsLastAttemptsReason() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.noteAttemptFailure(fixture.org(), item.getId(), "storage timed out"));

        fixture.run(GenerationSteps.class, steps -> steps.giveUp(fixture.org(), item.getId(), MESSAGE));

        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("Gave up after 1 attempts; last error: storage timed out");
    }

    @Test
    void anItemWhoseSourceWasDeletedBeforeAnyWorkerTookItGivesBackWhatItWasCountedFor() {
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, false, 100));
        fixture.supply(RateLimitRules.class, new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000));
        MediaResource source = fixture.image();
        GenerationItem item = fixture.countedJob(LocalModelProvider.NAME, source).get(0);
        Database.inTransaction(em -> em.find(MediaResource.class, source.getId()).markDeleted(Instant.now()));

        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isZero();
    }

    /** Quotas of 1000 generations a month, the paid provider granted for 100 of them. */
    private void quotasGrantingFal() {
        fixture.supply(QuotaRules.class, new QuotaRules(10_737_418_240L, 1000, true, 100));
        fixture.supply(RateLimitRules.class, new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000));
    }

    @Test
    void aQueuedItemOfAnOrganizationDeactivatedMeanwhileIsNotMadeButFailsWithTheReasonAndGivesBackItsCount() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(FalModelProvider.NAME, fixture.image()).get(0);
        Database.inTransaction(em -> em.find(Organization.class, fixture.org()).setActive(false));

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        assertThat(claim).as("what the worker is handed to make").isEmpty();
        GenerationItem failed = fixture.reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("The organization was deactivated before this model was made");
        Usage used = fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org()));
        assertThat(used.generationItems()).isZero();
        assertThat(used.falItems()).isZero();
    }

    @Test
    void aLocalItemThatFailsAfterAWorkerTookItGivesBackWhatItWasCountedFor() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(LocalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "no object found in the image"));

        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isZero();
    }

    @Test
    void aFalItemThatFailsAfterAWorkerTookItStaysCountedSinceItMayHaveBeenPaidFor() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(FalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "FAL.AI request r-1 failed"));

        Usage used = fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org()));
        assertThat(used.generationItems()).isEqualTo(1);
        assertThat(used.falItems()).isEqualTo(1);
    }

    @Test
    void aLocalItemTheReaperFailsGivesBackWhatItWasCountedFor() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(LocalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        boolean reaped = fixture.call(GenerationSteps.class,
                steps -> steps.reapStuck(fixture.org(), item.getId(), Instant.now().plusSeconds(60), Instant.now().plusSeconds(60)));

        assertThat(reaped).isTrue();
        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isZero();
    }

    @Test
    void aFailedItemGivesBackItsCountOnceThoughItIsFailedAgain() {
        quotasGrantingFal();
        fixture.countedJob(LocalModelProvider.NAME, fixture.image());
        GenerationItem item = fixture.countedJob(LocalModelProvider.NAME, fixture.image()).get(0);
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken again"));

        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).generationItems()).isEqualTo(1);
    }

    @Test
    void progressOfAnItemNoLongerProcessingIsDropped() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        fixture.run(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 60, "texturing"));

        assertThat(fixture.reread(item).getStage()).isEqualTo("failed");
        assertThat(fixture.eventTypes(item)).containsExactly("progress", "item_failed", "completed");
    }

    @Test
    void progressOfAFailedItemAnswersThatItIsNoLongerWanted() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        boolean wanted = fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 60, "texturing"));

        assertThat(wanted).isFalse();
    }

    @Test
    void anUnchangedProgressReportIsNotPublishedAgain() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 5, "queued"));

        boolean wanted = fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 5, "queued"));

        assertThat(wanted).isTrue();
        assertThat(fixture.eventTypes(item)).containsExactly("progress", "progress");
    }

    @Test
    void aProgressReportWithNothingNewIsAnsweredWhileAnotherTransactionHoldsTheItemsLock() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 5, "queued"));
        ExecutorService poller = Executors.newSingleThreadExecutor();
        AtomicReference<Boolean> wanted = new AtomicReference<>();

        try {
            // The lock a cancel or the reaper holds while it decides: the poll is answered before that transaction ends.
            Database.inTransaction(em -> {
                em.find(GenerationItem.class, item.getId(), LockModeType.PESSIMISTIC_WRITE);
                Future<Boolean> poll = poller.submit(
                        () -> fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), 5, "queued")));
                wanted.set(answered(poll));
            });
        } finally {
            poller.shutdownNow();
        }

        assertThat(wanted.get()).as("answered while the item was locked").isTrue();
    }

    /** The poll's answer, or null when it did not come while the lock was held (it waits for the lock). */
    private static Boolean answered(Future<Boolean> poll) {
        try {
            return poll.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJobsEndIsAnnouncedOnceAsGenerationFinishedWithItsCounts() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));

        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        assertThat(fixture.occurrences().fired()).singleElement().satisfies(occurrence -> {
            assertThat(occurrence.type()).isEqualTo(OccurrenceType.GENERATION_FINISHED);
            assertThat(occurrence.subjectId()).isEqualTo(items.get(0).getJobId());
            assertThat(occurrence.data().getString("status")).isEqualTo("failed");
            assertThat(occurrence.data().getInt("failed")).isEqualTo(2);
            assertThat(occurrence.data().getInt("total")).isEqualTo(2);
        });
    }

    @Test
    void theMessageThatTookAnItemTakesItAgainWhenTheBrokerDeliversItAgain() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.noteAttemptFailure(fixture.org(), item.getId(), "storage timed out"));

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        assertThat(claim).isPresent();
        assertThat(fixture.reread(item).getAttempts()).isEqualTo(2);
    }

    @Test
    void anotherMessageOfAnItemBeingMadeIsDroppedSoTheModelIsNotMadeTwice() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        UUID resent = UUID.randomUUID();

        var claim = fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), resent));

        assertThat(claim).isEmpty();
        GenerationItem taken = fixture.reread(item);
        assertThat(taken.getAttempts()).isEqualTo(1);
        assertThat(taken.getClaimedBy()).isEqualTo(MESSAGE);
    }

    @Test
    void aDeadMessageOfAnItemAnotherMessageTookLeavesTheItemToThatOnesWorker() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));

        fixture.run(GenerationSteps.class, steps -> steps.giveUp(fixture.org(), item.getId(), UUID.randomUUID()));

        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.PROCESSING);
    }

    @Test
    void anOutageStoppingAnOlderMessagesAttemptLeavesTheItemToTheMessageThatTookItSince() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.reapStuck(fixture.org(), item.getId(), Instant.now().plusSeconds(60), Instant.now().plusSeconds(60)));
        Database.inTransaction(em -> em.find(GenerationItem.class, item.getId()).requeue());
        UUID retried = UUID.randomUUID();
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), retried));

        fixture.run(GenerationSteps.class, steps -> steps.attemptStoppedByOutage(fixture.org(), item.getId(), MESSAGE, "storage away", false));

        GenerationItem taken = fixture.reread(item);
        assertThat(taken.getClaimedBy()).isEqualTo(retried);
        assertThat(taken.getAttempts()).isEqualTo(2);
        assertThat(taken.getStage()).isEqualTo("started");
    }

    @Test
    void aFalItemAnOutageStoppedBeforeItsProviderWasCalledGivesBackWhatItWasCountedForWhenTheOutageOutlastsThePatience() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(FalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.attemptStoppedByOutage(fixture.org(), item.getId(), MESSAGE, "storage away", false));

        fixture.run(GenerationSteps.class, steps -> steps.outageOutlasted(fixture.org(), item.getId(), MESSAGE, "The storage was unavailable"));

        Usage used = fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org()));
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(used.generationItems()).isZero();
        assertThat(used.falItems()).isZero();
    }

    @Test
    void aFalItemAnOutageStoppedAfterItsProviderWasCalledStaysCountedSinceItMayHaveBeenPaidFor() {
        quotasGrantingFal();
        GenerationItem item = fixture.countedJob(FalModelProvider.NAME, fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        fixture.run(GenerationSteps.class, steps -> steps.attemptStoppedByOutage(fixture.org(), item.getId(), MESSAGE, "storage away", true));

        fixture.run(GenerationSteps.class, steps -> steps.outageOutlasted(fixture.org(), item.getId(), MESSAGE, "The storage was unavailable"));

        assertThat(fixture.call(Quotas.class, quotas -> quotas.usage(fixture.org())).falItems()).isEqualTo(1);
    }
}
