package app.arv.webhook;

import app.arv.persistence.webhook.WebhookAttempt;
import app.arv.persistence.webhook.WebhookDelivery;

import java.util.List;

/** A delivery with its attempts, oldest first. */
public record DeliveryRecord(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
}
