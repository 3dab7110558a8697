package app.arv.persistence.webhook;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event for one webhook: the exact body every attempt sends, and where its sending stands. The event id is the
 * occurrence's, shared by every webhook that gets it and by a redelivery, so receivers deduplicate by it.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    private UUID id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, length = 64, updatable = false)
    private String eventType;

    @Column(nullable = false, columnDefinition = "text", updatable = false)
    private String payload;

    @Column(nullable = false, updatable = false)
    private boolean manual;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(name = "claim_token")
    private UUID claimToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected WebhookDelivery() {
    }

    /**
     * A delivery due at once.
     *
     * @param manual asked for by a person (a test event, a redelivery): sent even while the webhook is disabled
     */
    public WebhookDelivery(UUID webhookId, UUID organizationId, UUID eventId, String eventType, String payload,
            boolean manual, Instant now) {
        this.id = UUID.randomUUID();
        this.webhookId = Objects.requireNonNull(webhookId);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.eventId = Objects.requireNonNull(eventId);
        this.eventType = Objects.requireNonNull(eventType);
        this.payload = Objects.requireNonNull(payload);
        this.manual = manual;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = AuditedEntity.stored(now);
        this.createdAt = nextAttemptAt;
    }

    public UUID getId() { return id; }

    public UUID getWebhookId() { return webhookId; }

    public UUID getOrganizationId() { return organizationId; }

    public UUID getEventId() { return eventId; }

    public String getEventType() { return eventType; }

    public String getPayload() { return payload; }

    public boolean isManual() { return manual; }

    public DeliveryStatus getStatus() { return status; }

    public int getAttempts() { return attempts; }

    public Instant getNextAttemptAt() { return nextAttemptAt; }

    public Instant getFirstAttemptAt() { return firstAttemptAt; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getSettledAt() { return settledAt; }
}
