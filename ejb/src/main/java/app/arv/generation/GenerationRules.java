package app.arv.generation;

import app.arv.shared.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long generation items may wait or run unattended and how long finished jobs are kept.
 *
 * @param reapInterval how often {@link GenerationReaper} looks for stuck items
 * @param stuckAfter an item {@code processing} without a change for this long has lost its worker and fails
 * @param resendQueuedAfter an item still {@code queued} this long after its message was sent has most likely lost it
 *     (broker data lost, a send lost after the commit): its message is sent again, once. Harmless if the first was only
 *     waiting behind others: whichever comes first takes the item, the other is dropped.
 * @param queuedLostAfter an item still {@code queued} this long after its message was sent again fails, so its job ends;
 *     above the longest a queue may legitimately wait, since an item merely waiting behind others would fail too
 * @param cleanupInterval how often {@link GenerationRetention} deletes old jobs
 * @param retention finished jobs older than this are deleted with their files; zero or less keeps them forever
 * @param outagePatience how long an item waits for a dependency of ARV's own that is away (the object store, the database)
 *     before it fails with a reason naming the outage; its attempts are not spent meanwhile. Below {@code stuckAfter},
 *     so the reaper never takes a waiting item for one whose worker died
 * @param outageRetry how long after an attempt an outage stopped the item is tried again
 */
@Dependent
public record GenerationRules(
        @ConfigProperty(name = "arv.generation.reap-interval", defaultValue = "PT1M") Duration reapInterval,
        @ConfigProperty(name = "arv.generation.stuck-after", defaultValue = "PT15M") Duration stuckAfter,
        @ConfigProperty(name = "arv.generation.resend-queued-after", defaultValue = "PT30M") Duration resendQueuedAfter,
        @ConfigProperty(name = "arv.generation.queued-lost-after", defaultValue = "PT6H") Duration queuedLostAfter,
        @ConfigProperty(name = "arv.generation.cleanup-interval", defaultValue = "PT1H") Duration cleanupInterval,
        @ConfigProperty(name = "arv.generation.retention", defaultValue = "P30D") Duration retention,
        @ConfigProperty(name = "arv.generation.outage-patience", defaultValue = "PT10M") Duration outagePatience,
        @ConfigProperty(name = "arv.generation.outage-retry", defaultValue = "PT15S") Duration outageRetry) {

    @Inject
    public GenerationRules {
    }

    /** @throws IllegalStateException naming the setting when one cannot work (a timer that would never run again) */
    public void check() {
        Setting.positive("ARV_GENERATION_REAP_INTERVAL", reapInterval);
        Setting.positive("ARV_GENERATION_STUCK_AFTER", stuckAfter);
        Setting.positive("ARV_GENERATION_RESEND_QUEUED_AFTER", resendQueuedAfter);
        Setting.positive("ARV_GENERATION_QUEUED_LOST_AFTER", queuedLostAfter);
        Setting.positive("ARV_GENERATION_CLEANUP_INTERVAL", cleanupInterval);
        Setting.positive("ARV_GENERATION_OUTAGE_PATIENCE", outagePatience);
        Setting.positive("ARV_GENERATION_OUTAGE_RETRY", outageRetry);
        if (outagePatience.compareTo(stuckAfter) >= 0) {
            throw new IllegalStateException("ARV_GENERATION_OUTAGE_PATIENCE (" + outagePatience + ") must be shorter than"
                    + " ARV_GENERATION_STUCK_AFTER (" + stuckAfter + "): the reaper would fail items waiting out an outage");
        }
    }

    /** Whether finished jobs are deleted on a schedule at all. */
    public boolean keepsJobsForever() {
        return Setting.unlessZero(retention).isEmpty();
    }
}
