package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
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
 * Every hour, sent and dead mails queued longer ago than {@code arv.mail.retention} are deleted — one node per
 * round (a PostgreSQL advisory lock). Their bodies may carry links with tokens (invitations, password resets), so
 * the outbox is not an archive; mails still waiting are never touched.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailRetention {

    private static final Logger LOG = Logger.getLogger(MailRetention.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    MailSettings settings;

    @Inject
    MailOutboxRepository outbox;

    @PostConstruct
    void schedule() {
        if (settings.retention().isPresent()) {
            NodeTimers.every(timers, INTERVAL, "mail-retention");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void removeOld() {
        NodeTimers.round(LOG, "Mail retention", () -> {
            Duration retention = settings.retention().orElseThrow();
            if (locks.tryHold(ClusterLock.MAIL_RETENTION)) {
                int removed = outbox.removeSettledBefore(Instant.now().minus(retention));
                if (removed > 0) {
                    LOG.fine(removed + " sent or dead mails older than " + retention + " were deleted");
                }
            }
        });
    }
}
