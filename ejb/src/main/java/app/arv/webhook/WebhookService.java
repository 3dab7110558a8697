package app.arv.webhook;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.outbound.OutboundPolicy;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookAttempt;
import app.arv.persistence.webhook.WebhookDelivery;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.persistence.webhook.WebhookRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An organization's webhooks, managed by its admins: their endpoints, events and secrets, tests and deliveries. */
@Stateless
public class WebhookService {

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    OutboundPolicy outbound;

    @Inject
    AuditTrail audit;

    public Page<Webhook> list(Caller caller, PageRequest page) {
        return webhooks.list(caller.organizationId(), page);
    }

    public Webhook get(Caller caller, UUID id) {
        return webhooks.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Webhook"));
    }

    /**
     * The webhook row-locked for a change: a worker settling a delivery writes the same row ({@link WebhookDispatch}), and
     * whoever writes second must have read what the first wrote.
     */
    private Webhook lock(Caller caller, UUID id) {
        return webhooks.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Webhook"));
    }

    /**
     * The webhook key-share-locked for writing a delivery of it: a deletion at the same moment waits for the delivery
     * (and takes it along), or came first and the webhook is not found — never a delivery of a deleted webhook.
     */
    private Webhook forDelivery(Caller caller, UUID id) {
        return webhooks.findForDelivery(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Webhook"));
    }

    /** @throws DomainException {@code webhook_limit_reached} (409) past {@code arv.webhook.max-per-organization} */
    public WithSecret create(Caller caller, WebhookSpec spec) {
        String url = urls().check(spec.url());
        long registered = webhooks.countForRegistration(caller.organizationId());
        if (registered >= settings.maxPerOrganization()) {
            throw DomainException.conflict("webhook_limit_reached", "This organization has " + registered
                    + " webhooks, the most it may register; delete one first");
        }
        EventSelection events = spec.events() == null ? EventSelection.everything() : EventSelection.parse(spec.events());
        String secret = WebhookSecrets.chosenOrGenerated(spec.secret());
        UUID org = caller.organizationId();
        UUID id = UUID.randomUUID(); // first: the secret is sealed for the row
        Webhook webhook = webhooks.add(new Webhook(id, org, url, blankToNull(spec.description()), events.all(), events.wireNames(),
                secrets.encrypt(org, id, secret), WebhookSecrets.hint(secret), !Boolean.FALSE.equals(spec.enabled()), caller.userId()));
        audit.record(caller, AuditAction.WEBHOOK_CREATED, webhook.getId(), described(webhook).and("enabled", webhook.isEnabled()));
        return new WithSecret(webhook, secret);
    }

    public Webhook change(Caller caller, UUID id, WebhookSpec spec) {
        Webhook webhook = lock(caller, id);
        List<String> changed = new ArrayList<>();
        if (spec.url() != null) {
            webhook.moveTo(urls().check(spec.url()));
            changed.add("url");
        }
        if (spec.events() != null) {
            EventSelection events = EventSelection.parse(spec.events());
            webhook.subscribe(events.all(), events.wireNames());
            changed.add("events");
        }
        if (spec.description() != null) {
            webhook.describe(blankToNull(spec.description()));
            changed.add("description");
        }
        boolean wasEnabled = webhook.isEnabled();
        if (Boolean.TRUE.equals(spec.enabled()) && !webhook.isEnabled()) {
            webhook.enable();
        } else if (Boolean.FALSE.equals(spec.enabled())) {
            webhook.disable("Switched off by an administrator", Instant.now());
        }
        if (spec.enabled() != null) {
            changed.add("enabled");
        }
        audit.record(caller, AuditAction.WEBHOOK_CHANGED, webhook.getId(), described(webhook).and("enabled", webhook.isEnabled())
                .and("enabled_before", wasEnabled).and("changed", changed));
        return webhook;
    }

    public void delete(Caller caller, UUID id) {
        Webhook webhook = lock(caller, id);
        // Its deliveries and their attempts go with it: the audit entry is what remains of where it posted.
        audit.record(caller, AuditAction.WEBHOOK_DELETED, webhook.getId(), described(webhook));
        webhooks.remove(webhook);
    }

    /** A new secret, shown once; the old one keeps signing for {@code arv.webhook.secret-grace} (none: it stops now). */
    public WithSecret rotateSecret(Caller caller, UUID id) {
        Webhook webhook = lock(caller, id);
        String secret = WebhookSecrets.generate();
        Instant previousUntil = settings.secretGrace().map(Instant.now()::plus).orElse(null);
        webhook.rotateSecret(secrets.encrypt(caller.organizationId(), webhook.getId(), secret), WebhookSecrets.hint(secret), previousUntil);
        audit.record(caller, AuditAction.WEBHOOK_SECRET_ROTATED, webhook.getId(), described(webhook)
                .and("previous_secret_until", previousUntil));
        return new WithSecret(webhook, secret);
    }

    /** Queues a {@code test} event for this webhook only — sent even while it is switched off. */
    public WebhookDelivery test(Caller caller, UUID id) {
        Webhook webhook = forDelivery(caller, id);
        UUID eventId = UUID.randomUUID();
        Occurrence test = new Occurrence(caller.organizationId(), OccurrenceType.TEST, webhook.getId(), Instant.now(),
                Jsonp.createObjectBuilder().add("webhook_id", webhook.getId().toString())
                        .add("message", "A test event sent from ARV on request").build());
        return deliveries.add(new WebhookDelivery(webhook.getId(), caller.organizationId(), eventId, OccurrenceType.TEST.wireName(),
                WebhookPayload.of(eventId, test), true, test.at()));
    }

    /** The webhook's deliveries, newest first, each with its attempts. */
    public Page<DeliveryRecord> deliveries(Caller caller, UUID id, PageRequest page) {
        Webhook webhook = get(caller, id);
        Page<WebhookDelivery> slice = deliveries.list(caller.organizationId(), webhook.getId(), page);
        Map<UUID, List<WebhookAttempt>> attempts = deliveries.attempts(slice.items().stream().map(WebhookDelivery::getId).toList())
                .stream().collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId));
        return new Page<>(slice.items().stream().map(d -> new DeliveryRecord(d, attempts.getOrDefault(d.getId(), List.of()))).toList(),
                slice.total(), slice.limit(), slice.offset());
    }

    public DeliveryRecord delivery(Caller caller, UUID id, UUID deliveryId) {
        WebhookDelivery delivery = findDelivery(caller, id, deliveryId);
        return new DeliveryRecord(delivery, deliveries.attempts(List.of(delivery.getId())));
    }

    /**
     * Sends a delivery's event again, as a new delivery with the same event id and body (a receiver that already
     * has it recognises it), even while the webhook is switched off.
     */
    public WebhookDelivery redeliver(Caller caller, UUID id, UUID deliveryId) {
        Webhook webhook = forDelivery(caller, id);
        WebhookDelivery original = deliveries.find(caller.organizationId(), webhook.getId(), deliveryId)
                .orElseThrow(() -> DomainException.notFound("Delivery"));
        return deliveries.add(new WebhookDelivery(original.getWebhookId(), caller.organizationId(), original.getEventId(),
                original.getEventType(), original.getPayload(), true, Instant.now()));
    }

    private WebhookDelivery findDelivery(Caller caller, UUID id, UUID deliveryId) {
        Webhook webhook = get(caller, id);
        return deliveries.find(caller.organizationId(), webhook.getId(), deliveryId).orElseThrow(() -> DomainException.notFound("Delivery"));
    }

    private WebhookUrls urls() {
        return new WebhookUrls(outbound.webhookGuard());
    }

    /** What an audit entry tells of a webhook: where it posts and which events — never a secret. */
    static AuditDetails described(Webhook webhook) {
        return AuditDetails.with("url", webhook.getUrl()).and("events", webhook.isAllEvents() ? List.of("*") : webhook.getEvents());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A webhook with its secret in the clear: the only moment the secret leaves ARV. */
    public record WithSecret(Webhook webhook, String secret) {
    }
}
