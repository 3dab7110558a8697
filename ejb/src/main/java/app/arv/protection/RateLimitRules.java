package app.arv.protection;

import app.arv.shared.Setting;
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
 * @param organizationPerMinute all credentials of one organization together (its API keys and people), per minute:
 *                              beyond what one credential may, so no single credential notices it
 * @param organizationPerHour the same per hour
 */
@Dependent
public record RateLimitRules(
        @ConfigProperty(name = "arv.rate-limit.enabled", defaultValue = "true") boolean enabled,
        @ConfigProperty(name = "arv.rate-limit.per-minute", defaultValue = "60") int perMinute,
        @ConfigProperty(name = "arv.rate-limit.per-hour", defaultValue = "1000") int perHour,
        @ConfigProperty(name = "arv.rate-limit.uploads-per-minute", defaultValue = "10") int uploadsPerMinute,
        @ConfigProperty(name = "arv.viewer.requests-per-minute", defaultValue = "120") int viewerPerMinute,
        @ConfigProperty(name = "arv.rate-limit.organization-per-minute", defaultValue = "600") int organizationPerMinute,
        @ConfigProperty(name = "arv.rate-limit.organization-per-hour", defaultValue = "10000") int organizationPerHour) {

    @Inject
    public RateLimitRules {
    }

    /**
     * @throws IllegalStateException naming the setting when a limit is under 1 (it would refuse every request with an
     *                               error, not a 429); {@code ARV_RATE_LIMIT_ENABLED=false} is the way to count nothing
     */
    public void check() {
        if (enabled) {
            Setting.atLeastOne("ARV_RATE_LIMIT_PER_MINUTE", perMinute);
            Setting.atLeastOne("ARV_RATE_LIMIT_PER_HOUR", perHour);
            Setting.atLeastOne("ARV_RATE_LIMIT_UPLOADS_PER_MINUTE", uploadsPerMinute);
            Setting.atLeastOne("ARV_RATE_LIMIT_ORGANIZATION_PER_MINUTE", organizationPerMinute);
            Setting.atLeastOne("ARV_RATE_LIMIT_ORGANIZATION_PER_HOUR", organizationPerHour);
        }
        Setting.atLeastOne("ARV_VIEWER_REQUESTS_PER_MINUTE", viewerPerMinute);
    }
}
