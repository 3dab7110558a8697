package app.arv.protection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every organization's quotas unless the platform admin set its own ({@link Quotas}).
 *
 * @param storedBytes bytes of live stored objects: uploads with their thumbnails, overlays; 10 GiB
 * @param generationsPerMonth generation items (one source image, one model) accepted per calendar month (UTC), any provider
 * @param falAllowed the paid provider costs the operator money per item: off unless granted
 */
@Dependent
public record QuotaRules(
        @ConfigProperty(name = "arv.quota.stored-bytes", defaultValue = "10737418240") long storedBytes,
        @ConfigProperty(name = "arv.quota.generations-per-month", defaultValue = "1000") int generationsPerMonth,
        @ConfigProperty(name = "arv.quota.fal-allowed", defaultValue = "false") boolean falAllowed,
        @ConfigProperty(name = "arv.quota.fal-items-per-month", defaultValue = "100") int falItemsPerMonth) {

    @Inject
    public QuotaRules {
    }
}
