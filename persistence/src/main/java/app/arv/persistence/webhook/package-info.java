/**
 * Outbound webhooks' rows: an organization's {@link app.arv.persistence.webhook.Webhook}s, the
 * {@link app.arv.persistence.webhook.WebhookDelivery} of one event to one webhook (an outbox row, written in the
 * transaction of what happened) and each {@link app.arv.persistence.webhook.WebhookAttempt} to send it.
 * {@link app.arv.persistence.webhook.WebhookDeliveryRepository} lets the senders of every node claim due deliveries
 * without ever taking the same one ({@code FOR UPDATE SKIP LOCKED} and a lease), then settle them with the claim they
 * hold. The rules (signing, retries, disabling) are in {@code app.arv.webhook}, the only user. Uses JPA only.
 */
package app.arv.persistence.webhook;
