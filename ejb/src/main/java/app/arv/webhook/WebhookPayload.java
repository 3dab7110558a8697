package app.arv.webhook;

import app.arv.notification.Occurrence;
import app.arv.shared.Jsonp;

import java.util.UUID;

/**
 * The body of a delivery: {@code {"id", "type", "created_at", "organization_id", "data"}}, written once when the
 * delivery is queued, so every attempt (and a redelivery) sends the very same bytes.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    /** @param eventId the occurrence's event id, the same for every webhook and every attempt */
    public static String of(UUID eventId, Occurrence occurrence) {
        return Jsonp.createObjectBuilder()
                .add("id", eventId.toString())
                .add("type", occurrence.type().wireName())
                .add("created_at", occurrence.at().toString())
                .add("organization_id", occurrence.organizationId().toString())
                .add("data", occurrence.data())
                .build().toString();
    }
}
