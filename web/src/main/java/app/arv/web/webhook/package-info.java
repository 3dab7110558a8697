/**
 * Webhooks over HTTP: {@link WebhookResource} ({@code /webhooks}: an organization's endpoints, their secrets — shown
 * once, at creation and rotation — tests, deliveries with every attempt, and redeliveries). The rules are in
 * {@code app.arv.webhook}.
 */
package app.arv.web.webhook;
