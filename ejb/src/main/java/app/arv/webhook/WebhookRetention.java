package app.arv.webhook;

import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
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
 * Every hour, delivered and dead deliveries (with their attempts) created longer ago than
 * {@code arv.webhook.retention} are deleted — one node per round (a PostgreSQL advisory lock). Pending ones are
 * never touched: the retry period ends them.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookRetention {

    private static final Logger LOG = Logger.getLogger(WebhookRetention.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    ClusterLocks locks;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookDeliveryRepository deliveries;

    @PostConstruct
    void schedule() {
        if (settings.retention().isPresent()) {
            NodeTimers.every(timers, INTERVAL, "webhook-retention");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void removeOld() {
        NodeTimers.round(LOG, "Webhook retention", () -> {
            Duration retention = settings.retention().orElseThrow();
            if (locks.tryHold(ClusterLock.WEBHOOK_RETENTION)) {
                int removed = deliveries.removeSettledBefore(Instant.now().minus(retention));
                if (removed > 0) {
                    LOG.fine(removed + " delivered or dead webhook deliveries older than " + retention + " were deleted");
                }
            }
        });
    }
}
