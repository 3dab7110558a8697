package app.arv.audit;

import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Every hour, audit entries older than {@code arv.audit.retention} are deleted, in batches of
 * {@value AuditPurge#BATCH} (each its own transaction), one node at a time (a PostgreSQL advisory lock per batch:
 * a node that finds it taken leaves the round to the node holding it).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);
    /** A round's limit, so a first run over years of history spreads over a few rounds instead of blocking a timer. */
    private static final int MAX_BATCHES = 100;

    @Resource
    TimerService timers;

    @Inject
    AuditSettings settings;

    @Inject
    AuditPurge purge;

    @PostConstruct
    void schedule() {
        if (settings.retention().isPresent()) {
            NodeTimers.every(timers, INTERVAL, "audit-retention");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void removeOld() {
        NodeTimers.round(LOG, "Audit retention", () -> {
            Duration retention = settings.retention().orElseThrow();
            Instant before = Instant.now().minus(retention);
            long total = 0;
            for (int i = 0; i < MAX_BATCHES; i++) {
                OptionalInt removed = purge.removeBatch(before);
                total += removed.orElse(0);
                if (removed.isEmpty() || removed.getAsInt() < AuditPurge.BATCH) {
                    break;
                }
            }
            if (total > 0) {
                LOG.fine(total + " audit entries older than " + retention + " were deleted");
            }
        });
    }
}
