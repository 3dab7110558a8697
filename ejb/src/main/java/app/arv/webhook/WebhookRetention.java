package app.arv.webhook;

import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.platform.ClusterRound;
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
public class WebhookRetention implements ClusterRound {

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Override
    public ClusterLock lock() {
        return ClusterLock.WEBHOOK_RETENTION;
    }

    @Override
    public Optional<Duration> interval() {
        return settings.retention().map(retention -> HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        Duration retention = settings.retention().orElseThrow();
        int removed = deliveries.removeSettledBefore(now.minus(retention));
        return ClusterRound.removed(removed, "delivered or dead webhook deliveries older than " + retention);
    }
}
