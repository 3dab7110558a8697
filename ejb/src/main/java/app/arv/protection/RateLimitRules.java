package app.arv.protection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's request limits (image2model's: 60 a minute and 1000 an hour per key, 10 uploads
 * a minute). Organizations may get their own from the platform admin ({@link Quotas}).
 */
@ApplicationScoped
public class RateLimitRules {

    /** Off only for benchmarks and trusted single-tenant installations. */
    @Inject
    @ConfigProperty(name = "arv.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "arv.rate-limit.per-minute", defaultValue = "60")
    int perMinute;

    @Inject
    @ConfigProperty(name = "arv.rate-limit.per-hour", defaultValue = "1000")
    int perHour;

    /** Requests that carry files (multipart bodies, direct-upload starts), on top of the general limit. */
    @Inject
    @ConfigProperty(name = "arv.rate-limit.uploads-per-minute", defaultValue = "10")
    int uploadsPerMinute;

    /** The public viewer, per client address (no credentials there). */
    @Inject
    @ConfigProperty(name = "arv.viewer.requests-per-minute", defaultValue = "120")
    int viewerPerMinute;

    public RateLimitRules() {
    }

    RateLimitRules(boolean enabled, int perMinute, int perHour, int uploadsPerMinute, int viewerPerMinute) {
        this.enabled = enabled;
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.uploadsPerMinute = uploadsPerMinute;
        this.viewerPerMinute = viewerPerMinute;
    }

    public boolean enabled() {
        return enabled;
    }

    public int perMinute() {
        return perMinute;
    }

    public int perHour() {
        return perHour;
    }

    public int uploadsPerMinute() {
        return uploadsPerMinute;
    }

    public int viewerPerMinute() {
        return viewerPerMinute;
    }
}
