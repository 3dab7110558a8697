package app.arv.webhook;

import app.arv.persistence.webhook.ClaimedDelivery;
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
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Every node's sender: each {@code arv.webhook.poll-interval} it claims due deliveries (a few at a time, until none
 * is due) and posts them one by one outside any transaction. Nodes never send one delivery at the same time
 * ({@link WebhookDispatch#claim}); a delivery is given back untried when too little of its lease is left for an
 * attempt to finish inside it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
    private static final int BATCH = 10;
    /** One round sends at most this many batches; the next poll goes on. */
    private static final int MOST_BATCHES_PER_ROUND = 50;

    @Resource
    TimerService timers;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookDispatch dispatch;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    MetricRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        // A retry, lease or disabling setting that cannot work fails the deployment, not every delivery later.
        settings.check();
        NodeTimers.every(timers, settings.pollInterval(), "webhook-outbox");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        // A round that outlasts the interval (slow receivers, a long queue) is not joined by the next one.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            NodeTimers.round(LOG, "Webhook", () -> {
                Map<WebhookDispatch.Outcome, Integer> round = deliverDue();
                if (!round.isEmpty()) {
                    LOG.fine(() -> "Webhook round: " + round);
                }
            });
        } finally {
            running.set(false);
        }
    }

    /** Sends every delivery due now; what became of them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<WebhookDispatch.Outcome, Integer> deliverDue() {
        Map<WebhookDispatch.Outcome, Integer> outcomes = new EnumMap<>(WebhookDispatch.Outcome.class);
        List<ClaimedDelivery> claimed = dispatch.claim(BATCH);
        for (int batch = 1; !claimed.isEmpty(); batch++) {
            for (ClaimedDelivery delivery : claimed) {
                if (Instant.now().plus(settings.longestAttempt()).isAfter(delivery.leaseUntil())) {
                    dispatch.giveBack(delivery);
                    continue;
                }
                WebhookDispatch.Outcome outcome = dispatch.settle(delivery, attempt(delivery));
                metrics.counter("arv_webhook_attempts", new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
                outcomes.merge(outcome, 1, Integer::sum);
            }
            claimed = batch < MOST_BATCHES_PER_ROUND ? dispatch.claim(BATCH) : List.of();
        }
        return outcomes;
    }

    private AttemptResult attempt(ClaimedDelivery delivery) {
        List<String> signing = new ArrayList<>();
        signing.add(secrets.decrypt(delivery.organizationId(), delivery.secretCiphertext()));
        if (delivery.previousSecretCiphertext() != null) {
            signing.add(secrets.decrypt(delivery.organizationId(), delivery.previousSecretCiphertext()));
        }
        return sender.send(delivery.url(), delivery.eventId().toString(), delivery.eventType(), delivery.payload(), signing);
    }
}
