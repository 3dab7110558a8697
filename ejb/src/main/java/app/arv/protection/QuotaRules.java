package app.arv.protection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every organization's quotas unless the platform admin set its own ({@link Quotas}).
 * <p>
 * Stored bytes are those of every live stored object of the organization. Content a client brings is admitted for every
 * byte its recording adds: an upload (multipart or direct) with the thumbnails made of it, an overlay; refused, nothing
 * of it stays. What ARV derives from work already admitted — compiled markers, generated models and their previews —
 * counts when it is recorded but is never refused: a model was counted against the generations quota when its item was
 * accepted, a marker is compiled from images already stored, and refusing either once made would throw the work away.
 * Those can take the use past the quota; uploads and overlays are then refused until the organization deletes enough.
 *
 * @param storedBytes bytes of live stored objects (what counts, and what is refused: above); 10 GiB
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
