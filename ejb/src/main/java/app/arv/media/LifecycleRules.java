package app.arv.media;

import app.arv.shared.Backoff;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How stored files are handed out and how they go: download and upload links, orphans, retried deletions.
 *
 * @param s3Download {@code redirect}: S3 downloads answer 302 to a presigned URL; {@code proxy}: ARV streams them
 * @param orphanGrace how long a resource nobody holds is left alone before the orphan scan retires it, and how long an
 *                    object written before its recording waits for it before {@link MediaDeletions} removes it
 * @param deadLetterRetry how long a parked (dead-lettered) deletion waits between further attempts
 */
@Dependent
public record LifecycleRules(
        @ConfigProperty(name = "arv.media.s3-download", defaultValue = "redirect") String s3Download,
        @ConfigProperty(name = "arv.media.download-url-ttl", defaultValue = "PT5M") Duration downloadUrlTtl,
        @ConfigProperty(name = "arv.media.upload-url-ttl", defaultValue = "PT15M") Duration uploadUrlTtl,
        @ConfigProperty(name = "arv.media.orphan-grace", defaultValue = "PT24H") Duration orphanGrace,
        @ConfigProperty(name = "arv.media.delete-attempts", defaultValue = "5") int deleteAttempts,
        @ConfigProperty(name = "arv.media.delete-retry-base", defaultValue = "PT30S") Duration deleteRetryBase,
        @ConfigProperty(name = "arv.media.dead-letter-retry", defaultValue = "PT1H") Duration deadLetterRetry) {

    @Inject
    public LifecycleRules {
    }

    /** Whether S3 downloads redirect to a presigned URL unless the client asks otherwise. */
    public boolean redirectsDownloads() {
        return "redirect".equalsIgnoreCase(s3Download.strip());
    }

    /** Whether a deletion that failed {@code failures} times is given up (parked as a dead letter). */
    public boolean givesUpAfter(int failures) {
        return failures >= deleteAttempts;
    }

    /** The wait after the {@code failures}-th failed deletion: the base, doubled with each earlier failure (20 at most). */
    public Duration retryDelayAfter(int failures) {
        return new Backoff(deleteRetryBase, deleteRetryBase.multipliedBy(1L << 20)).after(failures - 1);
    }

    /**
     * The wait after the {@code failures}-th refused removal of an expired upload's key: backing off as a deletion does,
     * never longer than a parked deletion waits (there is no parking: the key is tried again until the store accepts).
     */
    public Duration uploadRemovalRetryAfter(int failures) {
        return new Backoff(deleteRetryBase, deadLetterRetry).after(failures - 1);
    }
}
