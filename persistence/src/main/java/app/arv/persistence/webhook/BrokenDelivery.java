package app.arv.persistence.webhook;

import java.util.UUID;

/**
 * A delivery given up on because its attempts kept breaking before they were recorded ({@link WebhookDeliveryRepository#endBroken}).
 *
 * @param attempt the number of its last claimed attempt, which was never recorded
 */
public record BrokenDelivery(UUID id, UUID webhookId, UUID organizationId, int attempt) {
}
