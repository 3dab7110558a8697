package app.arv.identity;

import app.arv.persistence.identity.InvitationRepository;
import app.arv.persistence.identity.PendingSignupRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
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

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every hour, one node per round (a PostgreSQL advisory lock): pending sign-ups whose link expired are deleted, and
 * invitations never accepted are deleted {@link InvitationRules#expiredKept} after they expired (until then admins see
 * them listed as expired or revoked). Accepted invitations stay, as the record of who joined by whose invitation.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LinkCleanup {

    private static final Logger LOG = Logger.getLogger(LinkCleanup.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    InvitationRepository invitations;

    @Inject
    PendingSignupRepository signups;

    @Inject
    InvitationRules rules;

    @PostConstruct
    void schedule() {
        NodeTimers.every(timers, INTERVAL, "link-cleanup");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void removeExpired() {
        NodeTimers.round(LOG, "Invitation and sign-up clean-up", () -> {
            if (locks.tryHold(ClusterLock.LINK_CLEANUP)) {
                Instant now = Instant.now();
                int removed = signups.removeExpiredBefore(now) + invitations.removeUnacceptedExpiredBefore(now.minus(rules.expiredKept()));
                if (removed > 0) {
                    LOG.fine(removed + " expired sign-ups and invitations were deleted");
                }
            }
        });
    }
}
