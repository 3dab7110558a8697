package app.arv.notification;

import app.arv.persistence.notification.NotificationRepository;
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
 * Every hour, notifications read longer ago than {@code arv.notification.retention} are deleted — one node per round
 * (a PostgreSQL advisory lock). Unread ones stay however old: nobody has seen them yet.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NotificationRetention {

    private static final Logger LOG = Logger.getLogger(NotificationRetention.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    NotificationRules rules;

    @Inject
    NotificationRepository notifications;

    @PostConstruct
    void schedule() {
        if (rules.keepReadFor().isPresent()) {
            NodeTimers.every(timers, INTERVAL, "notification-retention");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void removeOld() {
        NodeTimers.round(LOG, "Notification retention", () -> {
            if (locks.tryHold(ClusterLock.NOTIFICATION_RETENTION)) {
                int removed = notifications.removeReadBefore(Instant.now().minus(rules.keepReadFor().orElseThrow()));
                if (removed > 0) {
                    LOG.fine(removed + " read notifications were deleted");
                }
            }
        });
    }
}
