package app.arv.web.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** Whether browsers are told to use HTTPS only (only behind TLS: a plain-HTTP install must never send it). */
@ApplicationScoped
public class SecurityHeaderRules {

    @Inject
    @ConfigProperty(name = "arv.hsts", defaultValue = "false")
    boolean hsts;

    @Inject
    @ConfigProperty(name = "arv.hsts.max-age", defaultValue = "P365D")
    Duration hstsMaxAge;

    /** The {@code Strict-Transport-Security} value to send (subdomains included), or none when HSTS is off. */
    public Optional<String> strictTransportSecurity() {
        return hsts ? Optional.of("max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains") : Optional.empty();
    }
}
