package app.arv.persistence.webhook;

/** Where a {@link WebhookDelivery} stands: still to be sent (again), accepted by the receiver, or given up on. */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD
}
