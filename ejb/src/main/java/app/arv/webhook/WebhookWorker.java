package app.arv.webhook;

import app.arv.persistence.webhook.ClaimedDelivery;
import app.arv.platform.ApplicationMetric;
import app.arv.platform.LeasedRounds;
import app.arv.platform.LeasedWork;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Every node's sender: each {@code arv.webhook.poll-interval} it claims due deliveries (a few at a time, until none
 * is due) and posts a claim's deliveries {@code arv.webhook.parallel-sends} at a time outside any transaction
 * ({@link LeasedRounds}: the timer's thread and helpers of the container's managed executor), so a receiver that is
 * slow to answer holds one sender, not the rest of its claim. Nodes never send one delivery at the same time
 * ({@link WebhookDispatch#claim}); a delivery is given back untried when too little of its lease is left for an attempt
 * to finish inside it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService helpers;

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

    private final LeasedRounds<ClaimedDelivery, WebhookDispatch.Outcome> rounds = new LeasedRounds<>(LOG, "Webhook", WebhookDispatch.Outcome.class,
            new Deliveries());

    @PostConstruct
    void schedule() {
        // A retry, lease or disabling setting that cannot work fails the deployment, not every delivery later.
        settings.check();
        NodeTimers.every(timers, settings.pollInterval(), "webhook-outbox");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        rounds.poll(helpers, settings.parallelSends());
    }

    /** Sends every delivery due now; what became of them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<WebhookDispatch.Outcome, Integer> deliverDue() {
        return rounds.drain(helpers, settings.parallelSends());
    }

    /** The deliveries as leased work: one signed POST to the webhook's URL. */
    private final class Deliveries implements LeasedWork<ClaimedDelivery, WebhookDispatch.Outcome> {

        @Override
        public List<ClaimedDelivery> claim(int most) {
            return dispatch.claim(most);
        }

        @Override
        public Instant leaseUntil(ClaimedDelivery delivery) {
            return delivery.leaseUntil();
        }

        @Override
        public Duration longestAttempt() {
            return settings.longestAttempt();
        }

        @Override
        public void giveBack(ClaimedDelivery delivery) {
            dispatch.giveBack(delivery);
        }

        @Override
        public WebhookDispatch.Outcome attempt(ClaimedDelivery delivery) {
            WebhookDispatch.Outcome outcome = dispatch.settle(delivery, post(delivery));
            ApplicationMetric.WEBHOOK_ATTEMPTS.counter(metrics, new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
            return outcome;
        }

        private AttemptResult post(ClaimedDelivery delivery) {
            List<String> signing = new ArrayList<>();
            signing.add(secrets.decrypt(delivery.organizationId(), delivery.webhookId(), delivery.secretCiphertext()));
            if (delivery.previousSecretCiphertext() != null) {
                signing.add(secrets.decrypt(delivery.organizationId(), delivery.webhookId(), delivery.previousSecretCiphertext()));
            }
            return sender.send(delivery.url(), delivery.eventId().toString(), delivery.eventType(), delivery.payload(), signing);
        }
    }
}
