package app.arv.notification;

import app.arv.persistence.marker.ArContent;
import app.arv.persistence.notification.ContentExpiryRepository;
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
 * Every {@code arv.expiry.check-interval}, one node (a PostgreSQL advisory lock) announces AR content that expires
 * within {@code arv.expiry.warning} ({@code ar_content.expiring}) and content whose expiry passed
 * ({@code ar_content.expired}). Each is told once per content, kind and expiry date — the once-only mark is taken
 * in the round's transaction, so neither a second node nor a restart tells it again, while a new expiry date is new
 * news. Content that expired longer than the warning period before a round first saw it (ARV was down, or this
 * feature is new) is not announced as expired: that would be stale news in bulk.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpiryWatch {

    private static final Logger LOG = Logger.getLogger(ExpiryWatch.class.getName());

    /** Content announced per kind and round; more waits for the next round (a round is one transaction). */
    static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    NotificationRules rules;

    @Inject
    ContentExpiryRepository expiries;

    @Inject
    Occurrences occurrences;

    @PostConstruct
    void schedule() {
        NodeTimers.every(timers, rules.expiryCheckInterval(), "expiry-watch");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void check() {
        NodeTimers.round(LOG, "Expiry check", () -> {
            if (locks.tryHold(ClusterLock.CONTENT_EXPIRY)) {
                int told = round(Instant.now());
                if (told > 0) {
                    LOG.fine(told + " expiry notifications were fired");
                }
            }
        });
    }

    /** One round at {@code now}: how many occurrences it fired. */
    int round(Instant now) {
        Duration warning = rules.expiryWarning();
        int told = 0;
        for (ArContent content : expiries.unannounced(OccurrenceType.AR_CONTENT_EXPIRING.wireName(), now, now.plus(warning), BATCH)) {
            told += occurrences.contentExpiring(content) ? 1 : 0;
        }
        for (ArContent content : expiries.unannounced(OccurrenceType.AR_CONTENT_EXPIRED.wireName(), now.minus(warning), now, BATCH)) {
            told += occurrences.contentExpired(content) ? 1 : 0;
        }
        return told;
    }
}
