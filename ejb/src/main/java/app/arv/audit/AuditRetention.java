package app.arv.audit;

import app.arv.persistence.audit.AuditEventRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.RetentionRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Every hour, audit entries older than {@code arv.audit.retention} are deleted, oldest first. */
@ApplicationScoped
public class AuditRetention extends RetentionRound {

    @Inject
    AuditSettings settings;

    @Inject
    AuditEventRepository events;

    @Override
    public ClusterLock lock() {
        return ClusterLock.AUDIT_RETENTION;
    }

    @Override
    protected Optional<Duration> keepFor() {
        return settings.keepFor();
    }

    @Override
    protected int removeBatch(Instant before, int most) {
        return events.removeBefore(before, most);
    }

    @Override
    protected String removedWhat(Duration keptFor) {
        return "audit entries older than " + keptFor;
    }
}
