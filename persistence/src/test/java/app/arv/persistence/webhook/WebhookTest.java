package app.arv.persistence.webhook;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aWebhookGetsOnlyItsEventsUnlessItTakesAll() {
        Webhook some = webhook(false, "marker.failed", "api_key.created");
        Webhook all = webhook(true);

        assertThat(some.subscribesTo("marker.failed")).isTrue();
        assertThat(some.subscribesTo("marker.ready")).isFalse();
        assertThat(some.getEvents()).containsExactly("marker.failed", "api_key.created");
        assertThat(all.subscribesTo("quota.reached")).isTrue();
    }

    @Test
    void aDeliveredEventEndsTheRunOfDeadOnes() {
        Webhook webhook = webhook(true);
        webhook.recordDead();
        webhook.recordDead();

        webhook.recordDelivered(NOW);

        assertThat(webhook.recordDead()).isEqualTo(1);
        assertThat(webhook.getLastDeliveredAt()).isEqualTo(NOW);
    }

    @Test
    void switchingOnAgainForgetsTheReasonAndTheCount() {
        Webhook webhook = webhook(true);
        webhook.recordDead();
        webhook.disable("3 deliveries in a row failed", NOW);
        webhook.disable("switched off again", NOW.plusSeconds(5));

        assertThat(webhook.getDisabledReason()).isEqualTo("3 deliveries in a row failed");
        webhook.enable();

        assertThat(webhook.isEnabled()).isTrue();
        assertThat(webhook.getDisabledReason()).isNull();
        assertThat(webhook.getConsecutiveDead()).isZero();
    }

    @Test
    void aRotatedOutSecretSignsOnlyUntilItsGraceEnds() {
        Webhook webhook = webhook(true);

        webhook.rotateSecret("new", "…new1", NOW.plusSeconds(60));

        assertThat(webhook.getSecretCiphertext()).isEqualTo("new");
        assertThat(webhook.previousSecretCiphertextAt(NOW)).isEqualTo("old");
        assertThat(webhook.previousSecretCiphertextAt(NOW.plusSeconds(60))).isNull();
    }

    @Test
    void withoutAGracePeriodTheOldSecretStopsAtOnce() {
        Webhook webhook = webhook(true);

        webhook.rotateSecret("new", "…new1", null);

        assertThat(webhook.previousSecretCiphertextAt(NOW)).isNull();
    }

    @Test
    void theUrlOthersReadLeavesOutAPathThatMayBeAToken() {
        assertThat(at("https://hooks.slack.com/services/T000/B000/XXXXSECRET").shownUrl()).isEqualTo("https://hooks.slack.com/…");
        assertThat(at("https://erp.example.com:8443/arv?token=s3cret").shownUrl()).isEqualTo("https://erp.example.com:8443/…");
    }

    @Test
    void aUrlWithoutPathIsShownWhole() {
        assertThat(at("https://erp.example.com/").shownUrl()).isEqualTo("https://erp.example.com/");
        assertThat(at("https://erp.example.com").shownUrl()).isEqualTo("https://erp.example.com/");
    }

    private static Webhook webhook(boolean all, String... events) {
        return new Webhook(UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example.com/arv", null, all, new LinkedHashSet<>(List.of(events)),
                "old", "…old1", true, null);
    }

    private static Webhook at(String url) {
        return new Webhook(UUID.randomUUID(), UUID.randomUUID(), url, null, true, new LinkedHashSet<>(), "old", "…old1", true, null);
    }
}
