package app.arv.generation.fal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Where FAL.AI is, the key ARV calls it with, and how long ARV waits for it.
 *
 * @param key without one (or a blank one) the provider is not offered
 * @param maxDownloadBytes a result file larger than this is refused, not stored
 * @param pollInterval the pause between two looks at a queued request's status
 * @param timeout a request FAL has not finished within this fails the item
 */
@Dependent
public record FalRules(
        @ConfigProperty(name = "arv.fal.base-url", defaultValue = "https://queue.fal.run") String baseUrl,
        @ConfigProperty(name = "arv.fal.key") Optional<String> key,
        @ConfigProperty(name = "arv.fal.connect-timeout", defaultValue = "PT10S") Duration connectTimeout,
        @ConfigProperty(name = "arv.fal.read-timeout", defaultValue = "PT60S") Duration readTimeout,
        @ConfigProperty(name = "arv.fal.max-download-bytes", defaultValue = "209715200") long maxDownloadBytes,
        @ConfigProperty(name = "arv.fal.poll-interval", defaultValue = "PT2S") Duration pollInterval,
        @ConfigProperty(name = "arv.fal.timeout", defaultValue = "PT10M") Duration timeout) {

    @Inject
    public FalRules {
    }

    /** Whether a key is set: without one the provider is not offered. */
    public boolean configured() {
        return key.filter(k -> !k.isBlank()).isPresent();
    }
}
