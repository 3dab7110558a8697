package app.arv.marker;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How markers are compiled and recovered, and how large an overlay may be.
 *
 * @param partitions most partitions (threads) of one compile job
 * @param recoveryInterval how often the recovery timer looks for compile jobs to restart
 * @param requestGrace how long an item may stay pending before its compile request is sent again
 * @param overlayMaxBytes largest overlay video or GLB
 */
@Dependent
public record MarkerRules(
        @ConfigProperty(name = "arv.markers.partitions", defaultValue = "2") int partitions,
        @ConfigProperty(name = "arv.markers.recovery-interval", defaultValue = "PT10S") Duration recoveryInterval,
        @ConfigProperty(name = "arv.markers.request-grace", defaultValue = "PT1M") Duration requestGrace,
        @ConfigProperty(name = "arv.markers.overlay-max-bytes", defaultValue = "52428800") long overlayMaxBytes) {

    @Inject
    public MarkerRules {
    }
}
