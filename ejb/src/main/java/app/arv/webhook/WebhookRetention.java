package app.arv.webhook;

import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.platform.RetentionRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every hour, delivered and dead deliveries (with their attempts) created longer ago than {@code arv.webhook.retention}
 * are deleted. Pending ones are never touched: the retry period ends them.
 */
@ApplicationScoped
public class WebhookRetention extends RetentionRound {

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Override
    public ClusterLock lock() {
        return ClusterLock.WEBHOOK_RETENTION;
    }

    @Override
    protected Optional<Duration> keepFor() {
        return settings.retention();
    }

    @Override
    protected int removeBatch(Instant before, int most) {
        return deliveries.removeSettledBefore(before, most);
    }

    @Override
    protected String removedWhat(Duration keptFor) {
        return "delivered or dead webhook deliveries older than " + keptFor;
    }
}
