package app.arv.marker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How markers are compiled and recovered, and how large an overlay may be. */
@ApplicationScoped
public class MarkerRules {

    @Inject
    @ConfigProperty(name = "arv.markers.partitions", defaultValue = "2")
    int partitions;

    @Inject
    @ConfigProperty(name = "arv.markers.recovery-interval", defaultValue = "PT10S")
    Duration recoveryInterval;

    @Inject
    @ConfigProperty(name = "arv.markers.request-grace", defaultValue = "PT1M")
    Duration requestGrace;

    @Inject
    @ConfigProperty(name = "arv.markers.overlay-max-bytes", defaultValue = "52428800")
    long overlayMaxBytes;

    /** Most partitions (threads) of one compile job. */
    public int partitions() {
        return partitions;
    }

    /** How often the recovery timer looks for compile jobs to restart. */
    public Duration recoveryInterval() {
        return recoveryInterval;
    }

    /** How long an item may stay pending before its compile request is sent again. */
    public Duration requestGrace() {
        return requestGrace;
    }

    /** Largest overlay video or GLB. */
    public long overlayMaxBytes() {
        return overlayMaxBytes;
    }
}
