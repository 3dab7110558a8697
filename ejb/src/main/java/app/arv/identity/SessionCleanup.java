package app.arv.identity;

import app.arv.persistence.identity.UserSessionRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.platform.NodeTimers;
import app.arv.security.SessionRules;
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

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every hour, sessions that have ended (revoked, past their lifetime, idle too long) are deleted with their refresh
 * tokens — one node per round (a PostgreSQL advisory lock). A token of a deleted session is simply unknown.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionCleanup {

    private static final Logger LOG = Logger.getLogger(SessionCleanup.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    UserSessionRepository sessions;

    @Inject
    SessionRules rules;

    @PostConstruct
    void schedule() {
        NodeTimers.every(timers, INTERVAL, "session-cleanup");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void removeEnded() {
        NodeTimers.round(LOG, "Session clean-up", () -> {
            if (locks.tryHold(ClusterLock.SESSION_CLEANUP)) {
                int removed = sessions.removeEndedBefore(Instant.now(), rules.idleTimeout());
                if (removed > 0) {
                    LOG.fine(removed + " ended sessions were deleted");
                }
            }
        });
    }
}
