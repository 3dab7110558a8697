package app.arv.security;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long a session (a sign-in and its rotating refresh tokens) lasts.
 *
 * @param lifetime    from sign-in, however often the session is refreshed
 * @param idleTimeout without a refresh for this long, the session ends
 */
@Dependent
public record SessionRules(
        @ConfigProperty(name = "arv.refresh-token.ttl", defaultValue = "P30D") Duration lifetime,
        @ConfigProperty(name = "arv.refresh-token.idle-ttl", defaultValue = "P7D") Duration idleTimeout) {

    @Inject
    public SessionRules {
    }
}
