/**
 * Outbound webhooks: an organization's admins register HTTPS endpoints ({@link app.arv.webhook.WebhookService}) and
 * choose the event types each gets ({@link app.arv.webhook.EventSelection}).
 *
 * <h2>Queueing</h2>
 * {@link app.arv.webhook.WebhookOutbox} observes every {@link app.arv.notification.Occurrence} inside the firing
 * transaction and writes one delivery per matching switched-on webhook — an outbox row with the final body
 * ({@link app.arv.webhook.WebhookPayload}) and one event id per occurrence. A rollback leaves none.
 *
 * <h2>Sending</h2>
 * Every node's {@link app.arv.webhook.WebhookWorker} claims due rows ({@code FOR UPDATE SKIP LOCKED} and a lease, so
 * nodes never send one delivery at the same time and a node killed mid-send loses none), posts a claim's deliveries
 * signed ({@link app.arv.webhook.WebhookSignature}), a few at a time, through {@link app.arv.webhook.WebhookSender}
 * outside any transaction (the URL rules of {@link app.arv.webhook.WebhookUrls} and the outbound guard checked again,
 * no proxy, no redirects, name lookups inside the attempt's deadline), and
 * records the attempt ({@link app.arv.webhook.WebhookDispatch}): delivered on a 2xx; otherwise due again after
 * {@link app.arv.webhook.RetrySchedule}'s back-off, until the retry period from the first attempt is over, then dead.
 * Dead deliveries in a row switch the webhook off and fire {@code WEBHOOK_DISABLED}
 * ({@link app.arv.webhook.WebhookOccurrences}). Old settled deliveries are
 * deleted by {@link app.arv.webhook.WebhookRetention}.
 *
 * <p>Uses persistence's webhook rows, {@code app.arv.notification}, {@code app.arv.outbound}, the installation's secret
 * cipher ({@code app.arv.storage.ObjectStores}; a secret is sealed for its webhook, {@code app.arv.storage.SecretOwner}),
 * {@code app.arv.audit} (an admin's changes and a switch-off are recorded), {@code app.arv.security} (the caller),
 * {@code app.arv.platform} and {@code app.arv.shared}.
 */
package app.arv.webhook;
