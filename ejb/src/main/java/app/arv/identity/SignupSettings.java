package app.arv.identity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Self-service sign-up of new organizations: off unless the operator turns it on ({@code ARV_SIGNUP_ENABLED}); the
 * verification link works for {@code ARV_SIGNUP_TTL}.
 */
@Dependent
public record SignupSettings(
        @ConfigProperty(name = "arv.signup.enabled", defaultValue = "false") boolean enabled,
        @ConfigProperty(name = "arv.signup.ttl", defaultValue = "PT24H") Duration ttl) {

    @Inject
    public SignupSettings {
    }
}
