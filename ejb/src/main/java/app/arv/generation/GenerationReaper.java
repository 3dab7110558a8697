package app.arv.generation;

import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Items left {@code processing} without a change for {@code arv.generation.stuck-after} fail with a
 * reason: their worker is gone (a node that died mid-model), and a job must not wait for it forever; an item whose
 * attempt an outage stopped (stage {@code waiting}) is given the outage patience on top, since its message may wait that
 * long without touching it. Items left
 * {@code queued} for {@code arv.generation.resend-queued-after} most likely lost their message: it is sent again, once,
 * and an item still queued {@code arv.generation.queued-lost-after} later fails ({@link GenerationSteps#rescue}). Every
 * node runs it; each item is decided under its locks, so two nodes' rounds do not act on one item twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GenerationReaper {

    private static final Logger LOG = Logger.getLogger(GenerationReaper.class.getName());
    private static final int BATCH = 200;

    @Resource
    TimerService timers;

    @Inject
    GenerationSteps steps;

    @Inject
    GenerationRules rules;

    @PostConstruct
    void schedule() {
        rules.check();
        NodeTimers.every(timers, rules.reapInterval(), "generation-reaper");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reap() {
        NodeTimers.round(LOG, "Generation reaper", () -> {
            Instant now = Instant.now();
            Instant before = now.minus(rules.stuckAfter());
            reapStuck(before, before.minus(rules.outagePatience()));
            rescueQueued(now);
        });
    }

    /** Each item in its own transaction, rechecked under its locks: the search took none, and a worker may have gone on since. */
    private void reapStuck(Instant before, Instant waitingBefore) {
        int reaped = 0;
        for (GenerationQueue.ItemRef item : steps.stuckSince(before, BATCH)) {
            if (steps.reapStuck(item.organizationId(), item.itemId(), before, waitingBefore)) {
                reaped++;
            }
        }
        if (reaped > 0) {
            LOG.warning(reaped + " generation items were stuck in processing for over " + rules.stuckAfter() + " and failed");
        }
    }

    /** Each item in its own transaction ({@link GenerationSteps} is REQUIRES_NEW): one the broker refuses stops the round, and stays for the next. */
    private void rescueQueued(Instant now) {
        Instant sentBefore = now.minus(rules.resendQueuedAfter());
        Instant resentBefore = now.minus(rules.queuedLostAfter());
        int failed = 0;
        for (GenerationQueue.ItemRef item : steps.waitingLong(sentBefore, resentBefore, BATCH)) {
            if (steps.rescue(item.organizationId(), item.itemId(), sentBefore, resentBefore) == GenerationSteps.Rescue.FAILED) {
                failed++;
            }
        }
        if (failed > 0) {
            LOG.warning(failed + " generation items were still queued " + rules.queuedLostAfter() + " after their message was sent again, and failed");
        }
    }
}
