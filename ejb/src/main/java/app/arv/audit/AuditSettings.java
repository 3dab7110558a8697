package app.arv.audit;

import app.arv.shared.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the audit log keeps its entries.
 *
 * @param retention {@code arv.audit.retention}; zero or less keeps them for ever
 */
@Dependent
public record AuditSettings(@ConfigProperty(name = "arv.audit.retention", defaultValue = "P365D") Duration retention) {

    @Inject
    public AuditSettings {
    }

    /** Empty: entries are kept for ever. */
    public Optional<Duration> keepFor() {
        return Setting.unlessZero(retention);
    }
}
