package app.arv.webhook;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.webhook.Webhook;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admins and the other webhooks are told when a webhook is switched off: the whole data, never its path. */
class WebhookOccurrencesTest {

    @Test
    void aDisabledWebhookIsToldWithItsShownUrlDescriptionReasonAndDeadCount() {
        Webhook webhook = new Webhook(UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example.com/token-123", null, true, Set.of(), "sealed",
                "…1234", true, null);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");

        Occurrence told = WebhookOccurrences.disabled(webhook, "5 deliveries in a row failed", 5, at);

        assertThat(told.type()).isEqualTo(OccurrenceType.WEBHOOK_DISABLED);
        assertThat(told.organizationId()).isEqualTo(webhook.getOrganizationId());
        assertThat(told.subjectId()).isEqualTo(webhook.getId());
        assertThat(told.at()).isEqualTo(at);
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"webhook_id\":\"" + webhook.getId() + "\",\"url\":\"https://hooks.example.com/…\","
                + "\"description\":\"\",\"reason\":\"5 deliveries in a row failed\",\"consecutive_dead\":5}"));
    }
}
