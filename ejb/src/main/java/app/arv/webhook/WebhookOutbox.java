package app.arv.webhook;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookDelivery;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.persistence.webhook.WebhookRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The webhook channel of notifications: for each {@link Occurrence} it writes one delivery per switched-on webhook of
 * the organization that subscribes to the type, in the firing transaction (mandatory) — rolled back, the occurrence
 * leaves no delivery; committed, a {@link WebhookWorker} sends them. One event id per occurrence, shared by every
 * webhook's delivery, so a receiver behind several webhooks can deduplicate too.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WebhookOutbox {

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookDeliveryRepository deliveries;

    public void onOccurrence(@Observes Occurrence occurrence) {
        if (occurrence.type() == OccurrenceType.TEST) {
            return; // a test event goes to one webhook, by WebhookService#test, never to all of them
        }
        UUID eventId = UUID.randomUUID();
        String payload = WebhookPayload.of(eventId, occurrence);
        Instant now = Instant.now();
        for (Webhook webhook : webhooks.enabled(occurrence.organizationId())) {
            // The switched-off webhook is not told about itself (its row is already disabled; this guards the order).
            boolean aboutItself = occurrence.type() == OccurrenceType.WEBHOOK_DISABLED && webhook.getId().equals(occurrence.subjectId());
            if (webhook.subscribesTo(occurrence.type().wireName()) && !aboutItself) {
                deliveries.add(new WebhookDelivery(webhook.getId(), occurrence.organizationId(), eventId,
                        occurrence.type().wireName(), payload, false, now));
            }
        }
    }
}
