package app.arv.protection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's request limits (image2model's: 60 a minute and 1000 an hour per key, 10 uploads
 * a minute). Organizations may get their own from the platform admin ({@link Quotas}).
 *
 * @param enabled off only for benchmarks and trusted single-tenant installations
 * @param uploadsPerMinute requests that carry files (multipart bodies, direct-upload starts), on top of the general limit
 * @param viewerPerMinute the public viewer, per client address (no credentials there)
 */
@Dependent
public record RateLimitRules(
        @ConfigProperty(name = "arv.rate-limit.enabled", defaultValue = "true") boolean enabled,
        @ConfigProperty(name = "arv.rate-limit.per-minute", defaultValue = "60") int perMinute,
        @ConfigProperty(name = "arv.rate-limit.per-hour", defaultValue = "1000") int perHour,
        @ConfigProperty(name = "arv.rate-limit.uploads-per-minute", defaultValue = "10") int uploadsPerMinute,
        @ConfigProperty(name = "arv.viewer.requests-per-minute", defaultValue = "120") int viewerPerMinute) {

    @Inject
    public RateLimitRules {
    }
}
