package app.arv.idempotency;

import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Every {@code arv.idempotency.cleanup-interval}, records older than {@code arv.idempotency.retention}
 * are deleted (one node per round: {@link IdempotencyKeys#expire()} takes an advisory lock). Lookups
 * ignore expired records anyway; this only keeps the table small.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IdempotencyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyExpiry.class.getName());

    @Resource
    TimerService timers;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyRules rules;

    @PostConstruct
    void schedule() {
        NodeTimers.every(timers, rules.cleanupInterval(), "idempotency-expiry");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expire() {
        NodeTimers.round(LOG, "Idempotency expiry", () -> {
            int removed = keys.expire();
            if (removed > 0) {
                LOG.fine(removed + " expired idempotency records were deleted");
            }
        });
    }
}
