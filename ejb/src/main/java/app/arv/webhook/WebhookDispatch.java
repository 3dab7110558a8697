package app.arv.webhook;

import app.arv.audit.Actor;
import app.arv.audit.AuditTrail;
import app.arv.notification.OccurrenceType;
import app.arv.notification.Occurrences;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.webhook.BrokenDelivery;
import app.arv.persistence.webhook.ClaimedDelivery;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookAttempt;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.persistence.webhook.WebhookRepository;
import app.arv.platform.ServerNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The outbox's short transactions around an attempt, each committed on its own (the POST itself runs outside any
 * transaction): claim due deliveries for this node under a lease; then record the attempt and what became of the
 * delivery — delivered, due again after a back-off, or dead once the retry period is over. A webhook whose
 * deliveries die {@code arv.webhook.disable-after} times in a row is switched off, and
 * {@link OccurrenceType#WEBHOOK_DISABLED} is fired in the same transaction, so the organization's admins hear of it
 * (and its audit log keeps it, ARV the actor).
 * A record whose claim was lost (the lease ran out and another node took the delivery) changes nothing. A delivery whose
 * attempts keep breaking off before they are recorded is ended as dead when it is claimed the
 * {@code arv.webhook.broken-claims}th time in a row so, and counts towards switching its webhook off like any dead one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDispatch {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class.getName());

    /** Public: the container's proxy of this bean must see every type its business methods return. */
    public enum Outcome {
        DELIVERED, RETRYING, DEAD, LOST
    }

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookSettings settings;

    @Inject
    ServerNode node;

    @Inject
    Occurrences occurrences;

    @Inject
    AuditTrail audit;

    public List<ClaimedDelivery> claim(int limit) {
        Instant now = Instant.now();
        int brokenClaims = settings.brokenClaims();
        for (BrokenDelivery broken : deliveries.endBroken(now, brokenClaims)) {
            deliveries.addAttempt(new WebhookAttempt(broken.id(), broken.attempt(), now, Duration.ZERO, null, null,
                    "Given up: " + brokenClaims + " attempts in a row broke off before they could be recorded"));
            LOG.warning(() -> "Delivery " + broken.id() + " of webhook " + broken.webhookId() + " is dead: " + brokenClaims
                    + " attempts in a row broke off unrecorded (see the log for why)");
            webhooks.lock(broken.organizationId(), broken.webhookId()).ifPresent(webhook -> countDead(webhook, now));
        }
        return deliveries.claim(now, now.plus(settings.lease()), node.name(), limit, settings.claimPerOrganization());
    }

    public Outcome settle(ClaimedDelivery delivery, AttemptResult result) {
        Instant now = Instant.now();
        if (result.delivered()) {
            if (!deliveries.markDelivered(delivery, now)) {
                return lost(delivery);
            }
            record(delivery, result);
            // Locked, as for a dead delivery: an admin's change committed meanwhile (a rotated secret, a new URL, switched
            // off) is read, not overwritten with the row as it was before it.
            webhooks.lock(delivery.organizationId(), delivery.webhookId()).ifPresent(w -> w.recordDelivered(now));
            return Outcome.DELIVERED;
        }
        Optional<Instant> next = settings.schedule().nextAttempt(delivery.attempt(), delivery.firstAttemptAt(), now,
                ThreadLocalRandom.current().nextDouble());
        if (next.isPresent()) {
            if (!deliveries.retryAt(delivery, next.get())) {
                return lost(delivery);
            }
            record(delivery, result);
            return Outcome.RETRYING;
        }
        if (!deliveries.markDead(delivery, now)) {
            return lost(delivery);
        }
        record(delivery, result);
        webhooks.lock(delivery.organizationId(), delivery.webhookId()).ifPresent(webhook -> countDead(webhook, now));
        return Outcome.DEAD;
    }

    public void giveBack(ClaimedDelivery delivery) {
        deliveries.giveBack(delivery, Instant.now());
    }

    private void record(ClaimedDelivery delivery, AttemptResult result) {
        deliveries.addAttempt(new WebhookAttempt(delivery.id(), delivery.attempt(), result.at(), result.took(), result.httpStatus(),
                result.responseExcerpt(), result.error()));
    }

    private void countDead(Webhook webhook, Instant now) {
        int dead = webhook.recordDead();
        if (!webhook.isEnabled() || dead < settings.disableAfter()) {
            return;
        }
        String reason = dead + " deliveries in a row failed for the whole retry period";
        webhook.disable(reason, now);
        LOG.warning(() -> "Webhook " + webhook.getId() + " of organization " + webhook.getOrganizationId() + " was switched off: " + reason);
        occurrences.fire(WebhookOccurrences.disabled(webhook, reason, dead, now));
        audit.record(webhook.getOrganizationId(), Actor.SYSTEM, AuditAction.WEBHOOK_DISABLED, webhook.getId(),
                WebhookService.described(webhook).and("reason", reason));
    }

    private static Outcome lost(ClaimedDelivery delivery) {
        LOG.warning(() -> "Delivery " + delivery.id() + " was attempted after its lease had run out and another node took it over:"
                + " the receiver may get event " + delivery.eventId() + " twice");
        return Outcome.LOST;
    }
}
