package app.arv.webhook;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.webhook.ClaimedDelivery;
import app.arv.persistence.webhook.DeliveryStatus;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookAttempt;
import app.arv.persistence.webhook.WebhookDelivery;
import app.arv.persistence.webhook.WebhookDeliveryRepository;
import app.arv.persistence.webhook.WebhookRepository;
import app.arv.platform.ServerNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Settling an attempt on real PostgreSQL while an admin changes the same webhook. */
class WebhookDispatchTest {

    private final Organization acme = TestData.organization("Acme");

    @Test
    void anAdminsChangeCommittedWhileADeliveryIsSettledIsKept() throws Exception {
        Webhook webhook = new Webhook(UUID.randomUUID(), acme.getId(), "https://hooks.example.com/" + UUID.randomUUID(), null, true, Set.of(),
                "old-ciphertext", "…old1", true, null);
        Database.persist(webhook);
        ClaimedDelivery claimed = claimedDeliveryOf(webhook);
        AttemptResult answered = new AttemptResult(Instant.now(), Duration.ofMillis(20), 204, null, null);
        CountDownLatch settledButNotCommitted = new CountDownLatch(1);
        CountDownLatch adminCommitted = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<WebhookDispatch.Outcome> settled = worker.submit(() -> {
                List<WebhookDispatch.Outcome> outcome = new ArrayList<>();
                Database.inTransaction(em -> {
                    outcome.add(new ServiceBeans(em).get(WebhookDispatch.class).settle(claimed, answered));
                    settledButNotCommitted.countDown();
                    // Commits once the admin has, or after a while if the admin waits for this transaction.
                    awaitQuietly(adminCommitted);
                });
                return outcome.get(0);
            });
            settledButNotCommitted.await();

            // The admin's side as WebhookService does it: the webhook row locked before it is changed.
            Database.inTransaction(admin -> new ServiceBeans(admin).get(WebhookRepository.class).lock(acme.getId(), webhook.getId())
                    .orElseThrow().rotateSecret("new-ciphertext", "…new2", null));
            adminCommitted.countDown();

            assertThat(settled.get(30, TimeUnit.SECONDS)).isEqualTo(WebhookDispatch.Outcome.DELIVERED);
        } finally {
            worker.shutdownNow();
        }
        Webhook after = reread(webhook);
        assertThat(after.getSecretCiphertext()).isEqualTo("new-ciphertext");
        assertThat(after.getSecretHint()).isEqualTo("…new2");
        assertThat(after.getLastDeliveredAt()).isNotNull();
    }

    @Test
    void aDeliveryWhoseClaimsBreakOffTheConfiguredNumberOfTimesInARowIsDead() {
        Webhook webhook = new Webhook(UUID.randomUUID(), acme.getId(), "https://hooks.example.com/" + UUID.randomUUID(), null, true, Set.of(),
                "ciphertext", "…abc1", true, null);
        Database.persist(webhook);
        WebhookDelivery delivery = new WebhookDelivery(webhook.getId(), acme.getId(), UUID.randomUUID(), "test", "{}", true, Instant.now());
        Database.persist(delivery);
        WebhookSettings settings = new WebhookSettings();
        settings.brokenClaims = 2;
        settings.disableAfter = 10;
        settings.claimPerOrganization = 1000;
        // No lease: each claim is due again at once, as if its node had died before recording the attempt.
        settings.lease = Duration.ZERO;

        boolean claimedFirst = claimOnce(settings).contains(delivery.getId());
        boolean claimedSecond = claimOnce(settings).contains(delivery.getId());
        boolean claimedThird = claimOnce(settings).contains(delivery.getId());

        assertThat(claimedFirst).isTrue();
        assertThat(claimedSecond).isTrue();
        assertThat(claimedThird).as("ended as dead instead").isFalse();
        List<WebhookDelivery> after = new ArrayList<>();
        List<WebhookAttempt> attempts = new ArrayList<>();
        Database.inTransaction(em -> {
            after.add(em.find(WebhookDelivery.class, delivery.getId()));
            attempts.addAll(new ServiceBeans(em).get(WebhookDeliveryRepository.class).attempts(List.of(delivery.getId())));
        });
        assertThat(after.get(0).getStatus()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(attempts).extracting(WebhookAttempt::getError).containsExactly(
                "Given up: 2 attempts in a row broke off before they could be recorded");
    }

    private static List<UUID> claimOnce(WebhookSettings settings) {
        List<UUID> claimed = new ArrayList<>();
        Database.inTransaction(em -> claimed.addAll(new ServiceBeans(em).with(WebhookSettings.class, settings)
                .with(ServerNode.class, ServerNode.named("node-a")).get(WebhookDispatch.class).claim(1000).stream()
                .map(ClaimedDelivery::id).toList()));
        return claimed;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ClaimedDelivery claimedDeliveryOf(Webhook webhook) {
        Instant now = Instant.now();
        Database.persist(new WebhookDelivery(webhook.getId(), webhook.getOrganizationId(), UUID.randomUUID(), "test", "{}", true, now));
        List<ClaimedDelivery> claimed = new ArrayList<>();
        Database.inTransaction(em -> claimed.addAll(new ServiceBeans(em).get(WebhookDeliveryRepository.class)
                .claim(now, now.plus(Duration.ofMinutes(2)), "node-a", 1000, 1000)));
        return claimed.stream().filter(c -> c.webhookId().equals(webhook.getId())).findFirst().orElseThrow();
    }

    private static Webhook reread(Webhook webhook) {
        List<Webhook> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(em.find(Webhook.class, webhook.getId())));
        return found.get(0);
    }
}
