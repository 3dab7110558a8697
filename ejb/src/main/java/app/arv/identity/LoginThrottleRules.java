package app.arv.identity;

import app.arv.shared.Backoff;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How many failed sign-ins are tolerated before {@link LoginThrottle} holds further attempts back,
 * and for how long. An address gets more room than an account: many people may share one (an
 * office behind NAT), while nobody mistypes their own password twenty times.
 *
 * @param backoff the first hold; each further failure doubles it, up to {@code maxBackoff}
 * @param failureWindow a count of failures is forgotten after this long without another failure (or after a hold has passed)
 */
@Dependent
public record LoginThrottleRules(
        @ConfigProperty(name = "arv.login.max-failures", defaultValue = "5") int maxFailuresPerAccount,
        @ConfigProperty(name = "arv.login.max-failures-per-address", defaultValue = "20") int maxFailuresPerAddress,
        @ConfigProperty(name = "arv.login.backoff", defaultValue = "PT30S") Duration backoff,
        @ConfigProperty(name = "arv.login.backoff-max", defaultValue = "PT15M") Duration maxBackoff,
        @ConfigProperty(name = "arv.login.failure-window", defaultValue = "PT15M") Duration failureWindow) {

    @Inject
    public LoginThrottleRules {
    }

    /** The hold after {@code failures} failures where {@code limit} are tolerated: none below it, then doubling. */
    Duration holdAfter(long failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        return new Backoff(backoff, maxBackoff).after(failures - limit);
    }
}
