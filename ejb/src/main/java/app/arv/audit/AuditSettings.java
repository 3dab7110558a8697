package app.arv.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** How long the audit log keeps its entries ({@code arv.audit.retention}; {@code PT0S} keeps them for ever). */
@ApplicationScoped
public class AuditSettings {

    @Inject
    @ConfigProperty(name = "arv.audit.retention", defaultValue = "P365D")
    Duration retention;

    /** Empty: entries are kept for ever. */
    public Optional<Duration> retention() {
        return retention.isZero() || retention.isNegative() ? Optional.empty() : Optional.of(retention);
    }
}
