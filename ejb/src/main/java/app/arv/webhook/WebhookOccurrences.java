package app.arv.webhook;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.webhook.Webhook;
import app.arv.shared.Jsonp;

import java.time.Instant;

/**
 * What a webhook's life tells the organization's admins and its other webhooks, as {@link Occurrence}s. Built here,
 * fired through {@code notification.Occurrences}.
 */
public final class WebhookOccurrences {

    private WebhookOccurrences() {
    }

    /** The webhook was switched off {@code at} after {@code dead} dead deliveries in a row. */
    public static Occurrence disabled(Webhook webhook, String reason, int dead, Instant at) {
        return new Occurrence(webhook.getOrganizationId(), OccurrenceType.WEBHOOK_DISABLED, webhook.getId(), at,
                Jsonp.createObjectBuilder()
                        .add("webhook_id", webhook.getId().toString())
                        // Told by mail and to the organization's other webhooks: never the path, which may be a token.
                        .add("url", webhook.shownUrl())
                        .add("description", webhook.getDescription() == null ? "" : webhook.getDescription())
                        .add("reason", reason)
                        .add("consecutive_dead", dead)
                        .build());
    }
}
