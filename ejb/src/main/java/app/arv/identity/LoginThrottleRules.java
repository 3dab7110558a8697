package app.arv.identity;

import app.arv.shared.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How many failed sign-ins are tolerated before {@link LoginThrottle} holds further attempts back,
 * and for how long. An address gets more room than an account: many people may share one (an
 * office behind NAT), while nobody mistypes their own password twenty times.
 */
@ApplicationScoped
public class LoginThrottleRules {

    @Inject
    @ConfigProperty(name = "arv.login.max-failures", defaultValue = "5")
    int maxFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "arv.login.max-failures-per-address", defaultValue = "20")
    int maxFailuresPerAddress;

    /** The first hold; each further failure doubles it, up to {@link #maxBackoff()}. */
    @Inject
    @ConfigProperty(name = "arv.login.backoff", defaultValue = "PT30S")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "arv.login.backoff-max", defaultValue = "PT15M")
    Duration maxBackoff;

    /** A count of failures is forgotten after this long without another failure (or after a hold has passed). */
    @Inject
    @ConfigProperty(name = "arv.login.failure-window", defaultValue = "PT15M")
    Duration failureWindow;

    public LoginThrottleRules() {
    }

    LoginThrottleRules(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration backoff, Duration maxBackoff,
            Duration failureWindow) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.failureWindow = failureWindow;
    }

    public int maxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public Duration backoff() {
        return backoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration failureWindow() {
        return failureWindow;
    }

    /** The hold after {@code failures} failures where {@code limit} are tolerated: none below it, then doubling. */
    Duration holdAfter(long failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        return new Backoff(backoff, maxBackoff).after(failures - limit);
    }
}
