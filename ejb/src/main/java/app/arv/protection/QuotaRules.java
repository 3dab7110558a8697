package app.arv.protection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every organization's quotas unless the platform admin set its own ({@link Quotas}). */
@ApplicationScoped
public class QuotaRules {

    /** Bytes of live stored objects: uploads with their thumbnails, overlays; 10 GiB. */
    @Inject
    @ConfigProperty(name = "arv.quota.stored-bytes", defaultValue = "10737418240")
    long storedBytes;

    /** Generation items (one source image, one model) accepted per calendar month (UTC), any provider. */
    @Inject
    @ConfigProperty(name = "arv.quota.generations-per-month", defaultValue = "1000")
    int generationsPerMonth;

    /** The paid provider costs the operator money per item: off unless granted. */
    @Inject
    @ConfigProperty(name = "arv.quota.fal-allowed", defaultValue = "false")
    boolean falAllowed;

    @Inject
    @ConfigProperty(name = "arv.quota.fal-items-per-month", defaultValue = "100")
    int falItemsPerMonth;

    public QuotaRules() {
    }

    QuotaRules(long storedBytes, int generationsPerMonth, boolean falAllowed, int falItemsPerMonth) {
        this.storedBytes = storedBytes;
        this.generationsPerMonth = generationsPerMonth;
        this.falAllowed = falAllowed;
        this.falItemsPerMonth = falItemsPerMonth;
    }

    public long storedBytes() {
        return storedBytes;
    }

    public int generationsPerMonth() {
        return generationsPerMonth;
    }

    public boolean falAllowed() {
        return falAllowed;
    }

    public int falItemsPerMonth() {
        return falItemsPerMonth;
    }
}
