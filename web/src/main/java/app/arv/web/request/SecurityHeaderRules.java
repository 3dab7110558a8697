package app.arv.web.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Whether browsers are told to use HTTPS only (only behind TLS: a plain-HTTP install must never send it). */
@ApplicationScoped
public class SecurityHeaderRules {

    @Inject
    @ConfigProperty(name = "arv.hsts", defaultValue = "false")
    boolean hsts;

    @Inject
    @ConfigProperty(name = "arv.hsts.max-age", defaultValue = "P365D")
    Duration hstsMaxAge;

    public boolean hsts() {
        return hsts;
    }

    public Duration hstsMaxAge() {
        return hstsMaxAge;
    }
}
