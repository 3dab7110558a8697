package app.arv.marker;

import app.arv.shared.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How markers are compiled and recovered, and how large an overlay may be.
 *
 * @param partitions most partitions (threads) of one compile job
 * @param recoveryInterval how often the recovery timer looks for compile jobs to restart (and each node says it is alive)
 * @param nodeAlive how long a node counts as alive after it last said so: a job of a node silent for this long was left
 *                  behind by a dead process and is restarted elsewhere. Several recovery intervals, so a busy node is not
 *                  taken for dead ({@link #check})
 * @param requestGrace how long an item may stay pending before its compile request is sent again
 * @param outagePatience how long a compile job waits for its organization's store while it is away (503
 *                       {@code storage_unavailable}), restarted every recovery round without spending its executions
 *                       ({@link MarkerOutages}), before its items fail with a reason naming the outage; as a generation
 *                       item waits ({@code arv.generation.outage-patience})
 * @param overlayMaxBytes largest overlay video or GLB
 */
@Dependent
public record MarkerRules(
        @ConfigProperty(name = "arv.markers.partitions", defaultValue = "2") int partitions,
        @ConfigProperty(name = "arv.markers.recovery-interval", defaultValue = "PT10S") Duration recoveryInterval,
        @ConfigProperty(name = "arv.markers.node-alive", defaultValue = "PT30S") Duration nodeAlive,
        @ConfigProperty(name = "arv.markers.request-grace", defaultValue = "PT1M") Duration requestGrace,
        @ConfigProperty(name = "arv.markers.outage-patience", defaultValue = "PT10M") Duration outagePatience,
        @ConfigProperty(name = "arv.markers.overlay-max-bytes", defaultValue = "52428800") long overlayMaxBytes) {

    /** The fewest recovery rounds a node's proof of life must outlast: one late round must not make a live node dead. */
    static final int ROUNDS_ALIVE = 3;

    @Inject
    public MarkerRules {
    }

    /**
     * @throws IllegalStateException naming the setting when one cannot work, or when a live node could be taken for dead:
     *                               its proof of life would expire between rounds
     */
    public void check() {
        Setting.positive("ARV_MARKERS_RECOVERY_INTERVAL", recoveryInterval);
        Setting.positive("ARV_MARKERS_REQUEST_GRACE", requestGrace);
        Setting.positive("ARV_MARKERS_OUTAGE_PATIENCE", outagePatience);
        Setting.atLeastOne("ARV_MARKERS_PARTITIONS", partitions);
        if (nodeAlive.compareTo(recoveryInterval.multipliedBy(ROUNDS_ALIVE)) < 0) {
            throw new IllegalStateException("ARV_MARKERS_NODE_ALIVE (" + nodeAlive + ") must be at least " + ROUNDS_ALIVE
                    + " ARV_MARKERS_RECOVERY_INTERVALs (" + recoveryInterval.multipliedBy(ROUNDS_ALIVE)
                    + "): a live node's compile jobs would be restarted by another node while they run");
        }
    }
}
