package app.arv.persistence.webhook;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryRepositoryTest extends TwoTenantsTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    /** Pending deliveries a disabled webhook keeps: those of a receiver that failed for its whole retry period, and more. */
    private static final int BACKLOG = 20_000;

    @BeforeEach
    void noDeliveries() {
        Database.inTransaction(em -> em.createNativeQuery("DELETE FROM webhook_delivery").executeUpdate());
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainWhileItsLeaseRunsAndKeepsItsFirstAttemptTime() {
        Webhook webhook = webhook(true);
        UUID id = queue(webhook, false, Instant.now());
        Instant now = Instant.now();

        ClaimedDelivery first = claim(now, "node-a").get(0);
        List<ClaimedDelivery> meanwhile = claim(now.plusSeconds(1), "node-b");
        settle(repository -> repository.retryAt(first, now.plusSeconds(5)));
        ClaimedDelivery second = claim(now.plusSeconds(6), "node-b").get(0);

        assertThat(first.id()).isEqualTo(id);
        assertThat(meanwhile).isEmpty();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.firstAttemptAt()).isEqualTo(first.firstAttemptAt());
        assertThat(second.url()).isEqualTo(webhook.getUrl());
    }

    @Test
    void twoConcurrentClaimersNeverTakeTheSameDelivery() {
        Webhook webhook = webhook(true);
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            queued.add(queue(webhook, false, Instant.now().minusSeconds(60)));
        }

        List<List<ClaimedDelivery>> claims = Database.claimedTogether(em -> claimNow(em, "node-a"), em -> claimNow(em, "node-b"));

        List<UUID> all = new ArrayList<>();
        claims.forEach(claimed -> claimed.forEach(d -> all.add(d.id())));
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void oneOrganizationsBacklogTakesNoMoreThanItsShareOfAClaim() {
        Webhook busy = webhook(acme, true);
        Webhook quiet = webhook(globex, true);
        Instant now = Instant.now();
        for (int i = 0; i < 8; i++) {
            queue(busy, false, now.minusSeconds(60 - i));
        }
        UUID waiting = queue(quiet, false, now.minusSeconds(1));

        List<ClaimedDelivery> claimed = Database.result(em -> repository(em).claim(now, now.plus(LEASE), "node-a", 5, 2));

        assertThat(claimed).extracting(ClaimedDelivery::organizationId).containsExactly(acme.getId(), acme.getId(), globex.getId());
        assertThat(claimed.get(2).id()).isEqualTo(waiting);
    }

    @Test
    void aDeactivatedOrganizationsDeliveriesAreNotClaimed() {
        UUID active = queue(webhook(acme, true), false, Instant.now());
        queue(webhook(globex, true), false, Instant.now());
        queue(webhook(globex, true), true, Instant.now());
        Database.inTransaction(em -> em.find(Organization.class, globex.getId()).setActive(false));

        List<ClaimedDelivery> claimed = claim(Instant.now(), "node-a");

        assertThat(claimed).extracting(ClaimedDelivery::id).containsExactly(active);
    }

    @Test
    void aDisabledWebhooksEventsWaitButItsManualDeliveriesGo() {
        Webhook disabled = webhook(false);
        queue(disabled, false, Instant.now());
        UUID manual = queue(disabled, true, Instant.now());

        List<ClaimedDelivery> claimed = claim(Instant.now(), "node-a");

        assertThat(claimed).extracting(ClaimedDelivery::id).containsExactly(manual);
    }

    @Test
    void aDisabledWebhooksBacklogIsNotReadByTheClaim() {
        Webhook disabled = webhook(false);
        Instant now = Instant.now();
        // Due a day before the others: a claim that walked the organization's pending ones in schedule order would
        // meet all of them first.
        backlog(disabled, BACKLOG, now.minus(Duration.ofDays(1)));
        UUID manual = queue(disabled, true, now.minusSeconds(1));
        UUID event = queue(webhook(true), false, now.minusSeconds(1));

        Claim claim = Database.result(em -> {
            long before = rowsRead(em);
            List<ClaimedDelivery> claimed = repository(em).claim(now, now.plus(LEASE), "node-a", 10, 10);
            return new Claim(claimed, rowsRead(em) - before);
        });

        assertThat(claim.claimed()).extracting(ClaimedDelivery::id).containsExactlyInAnyOrder(event, manual);
        // Two deliveries taken, each read as a candidate, then by key to be locked and again to be updated: about eight
        // index entries. The bound leaves room for the plan's choices and is a two-hundredth of the backlog, which the
        // claim read whole when it walked the organization's pending deliveries.
        assertThat(claim.rowsRead()).isLessThan(100);
    }

    @Test
    void thePreviousSecretComesWithTheClaimOnlyWhileItIsValid() {
        Webhook webhook = webhook(true);
        Instant now = Instant.now();
        Database.inTransaction(em -> em.find(Webhook.class, webhook.getId()).rotateSecret("new-ciphertext", "…new1", now.plusSeconds(60)));
        queue(webhook, false, now);
        queue(webhook, false, now);

        ClaimedDelivery during = claim(now, "node-a", 1).get(0);
        ClaimedDelivery after = claim(now.plusSeconds(61), "node-a", 1).get(0);

        assertThat(during.secretCiphertext()).isEqualTo("new-ciphertext");
        assertThat(during.previousSecretCiphertext()).isEqualTo("ciphertext");
        assertThat(after.previousSecretCiphertext()).isNull();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverSettlesNothing() {
        UUID id = queue(webhook(true), false, Instant.now());
        Instant now = Instant.now();
        ClaimedDelivery stale = claim(now, "node-a").get(0);
        ClaimedDelivery current = claim(now.plus(LEASE).plusSeconds(1), "node-b").get(0);

        boolean staleSettled = settle(repository -> repository.markDelivered(stale, Instant.now()));
        boolean currentSettled = settle(repository -> repository.markDead(current, Instant.now()));

        assertThat(staleSettled).isFalse();
        assertThat(currentSettled).isTrue();
        assertThat(find(id).getStatus()).isEqualTo(DeliveryStatus.DEAD);
    }

    @Test
    void aDeliveryClaimedThreeTimesWithoutARecordedAttemptIsEndedDead() {
        Webhook webhook = webhook(true);
        UUID id = queue(webhook, false, Instant.now());
        Instant now = Instant.now();
        for (int claim = 0; claim < 3; claim++) {
            // Each attempt breaks off unsettled: the next claim comes once its lease has run out.
            assertThat(claim(now.plus(LEASE.plusSeconds(1).multipliedBy(claim)), "node-a")).hasSize(1);
        }
        Instant later = now.plus(LEASE.plusSeconds(1).multipliedBy(3));

        List<BrokenDelivery> twice = endBroken(later, 4);
        List<BrokenDelivery> ended = endBroken(later, 3);

        assertThat(twice).isEmpty();
        assertThat(ended).singleElement().satisfies(broken -> {
            assertThat(broken.id()).isEqualTo(id);
            assertThat(broken.webhookId()).isEqualTo(webhook.getId());
            assertThat(broken.attempt()).isEqualTo(3);
        });
        assertThat(find(id).getStatus()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(claim(later, "node-a")).isEmpty();
    }

    @Test
    void onlyAttemptsLeftUnrecordedCountAsBroken() {
        UUID id = queue(webhook(true), false, Instant.now());
        Instant now = Instant.now();
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedDelivery claimed = claim(now, "node-a").get(0);
            int number = attempt;
            settle(repository -> {
                repository.addAttempt(new WebhookAttempt(claimed.id(), number, Instant.now(), Duration.ofMillis(5), 500, "no", "HTTP 500"));
                return repository.retryAt(claimed, now);
            });
        }
        claim(now, "node-a"); // the fourth attempt breaks off unrecorded

        List<BrokenDelivery> ended = endBroken(now.plus(LEASE).plusSeconds(1), 2);

        assertThat(ended).isEmpty();
        assertThat(find(id).getStatus()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void retentionDeletesOldSettledDeliveriesWithTheirAttemptsButNeverPendingOnes() {
        Webhook webhook = webhook(true);
        Instant old = Instant.now().minus(Duration.ofDays(31));
        UUID delivered = queue(webhook, false, old);
        UUID pending = queue(webhook, false, old);
        for (ClaimedDelivery claimed : claim(Instant.now(), "node-a")) {
            if (claimed.id().equals(delivered)) {
                settle(repository -> {
                    repository.addAttempt(new WebhookAttempt(claimed.id(), 1, Instant.now(), Duration.ofMillis(5), 200, "ok", null));
                    return repository.markDelivered(claimed, Instant.now());
                });
            } else {
                settle(repository -> repository.retryAt(claimed, Instant.now()));
            }
        }

        int removed = Database.result(em -> repository(em).removeSettledBefore(Instant.now().minus(Duration.ofDays(30)), 1000));

        assertThat(removed).isEqualTo(1);
        assertThat(find(delivered)).isNull();
        assertThat(find(pending).getStatus()).isEqualTo(DeliveryStatus.PENDING);
        long attempts = Database.result(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id = ?1")
                .setParameter(1, delivered).getSingleResult()).longValue());
        assertThat(attempts).isZero();
    }

    @Test
    void anAttemptWhoseReceiverAnsweredWithNulCharactersIsRecordedWithTheirPlaceMarked() {
        Webhook webhook = webhook(true);
        UUID id = queue(webhook, false, Instant.now());
        ClaimedDelivery claimed = claim(Instant.now(), "node-a").get(0);
        // A receiver answering in UTF-16: PostgreSQL refuses U+0000 in text, and the failed settle would repeat for ever.
        String utf16 = new String("ok".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_8);

        settle(repository -> {
            repository.addAttempt(new WebhookAttempt(claimed.id(), 1, Instant.now(), Duration.ofMillis(5), 200, utf16, "bad\u0000"));
            return repository.markDelivered(claimed, Instant.now());
        });

        List<WebhookAttempt> attempts = Database.result(em -> repository(em).attempts(List.of(id)));
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.getResponseExcerpt()).isEqualTo("o\uFFFDk\uFFFD");
            assertThat(attempt.getError()).isEqualTo("bad\uFFFD");
        });
        assertThat(find(id).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void anotherOrganizationsDeliveryIsNotFound() {
        Webhook webhook = webhook(true);
        UUID id = queue(webhook, false, Instant.now());

        List<Boolean> found = new ArrayList<>();
        Database.inTransaction(em -> {
            found.add(repository(em).find(acme.getId(), webhook.getId(), id).isPresent());
            found.add(repository(em).find(globex.getId(), webhook.getId(), id).isPresent());
        });

        assertThat(found).containsExactly(true, false);
    }

    private Webhook webhook(boolean enabled) {
        return webhook(acme, enabled);
    }

    private static Webhook webhook(Organization organization, boolean enabled) {
        Webhook webhook = new Webhook(UUID.randomUUID(), organization.getId(), "https://hooks.example.com/" + UUID.randomUUID(), null, false, Set.of("test"),
                "ciphertext", "…abcd", enabled, null);
        Database.persist(webhook);
        return webhook;
    }

    private UUID queue(Webhook webhook, boolean manual, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery(webhook.getId(), webhook.getOrganizationId(), UUID.randomUUID(), "test", "{}", manual, now);
        Database.inTransaction(em -> em.persist(delivery));
        return delivery.getId();
    }

    /** A webhook's pending deliveries, one a millisecond from the first one's schedule, added by one statement. */
    private static void backlog(Webhook webhook, int deliveries, Instant from) {
        Database.inTransaction(em -> em.createNativeQuery("INSERT INTO webhook_delivery (id, webhook_id, organization_id, event_id,"
                + " event_type, payload, manual, status, next_attempt_at, created_at) SELECT gen_random_uuid(), ?1, ?2,"
                + " gen_random_uuid(), 'test', ?5, FALSE, 'PENDING', CAST(?3 AS TIMESTAMPTZ) + n * INTERVAL '1 millisecond',"
                + " CAST(?3 AS TIMESTAMPTZ) FROM generate_series(1, ?4) n")
                .setParameter(1, webhook.getId()).setParameter(2, webhook.getOrganizationId()).setParameter(3, from)
                .setParameter(4, deliveries).setParameter(5, "{}").executeUpdate());
    }

    /**
     * The rows of webhook_delivery this transaction has read so far: the entries its index scans returned and the rows
     * its table scans did (every path to a row goes through one or the other). PostgreSQL counts them per transaction
     * as it goes, unlike the cumulative statistics, which a session reports when it is idle.
     */
    private static long rowsRead(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT pg_stat_get_xact_tuples_returned(CAST('webhook_delivery' AS regclass))"
                + " + COALESCE(SUM(pg_stat_get_xact_tuples_returned(i.indexrelid)), 0) FROM pg_index i"
                + " WHERE i.indrelid = CAST('webhook_delivery' AS regclass)").getSingleResult()).longValue();
    }

    private static WebhookDeliveryRepository repository(EntityManager em) {
        WebhookDeliveryRepository repository = new WebhookDeliveryRepository();
        Repositories.on(em, repository);
        return repository;
    }

    private static List<ClaimedDelivery> claim(Instant now, String node) {
        return claim(now, node, 10);
    }

    private static List<ClaimedDelivery> claim(Instant now, String node, int limit) {
        return Database.result(em -> repository(em).claim(now, now.plus(LEASE), node, limit, limit));
    }

    private static List<BrokenDelivery> endBroken(Instant now, int brokenClaims) {
        return Database.result(em -> repository(em).endBroken(now, brokenClaims));
    }

    /** A claim of up to 20 deliveries due now, as one of two concurrent claimers. */
    private static List<ClaimedDelivery> claimNow(EntityManager em, String node) {
        return repository(em).claim(Instant.now(), Instant.now().plus(LEASE), node, 20, 30);
    }

    private static boolean settle(Predicate<WebhookDeliveryRepository> action) {
        return Database.result(em -> action.test(repository(em)));
    }

    private static WebhookDelivery find(UUID id) {
        return Database.result(em -> em.find(WebhookDelivery.class, id));
    }

    /** What a claim took and how many rows of webhook_delivery it read to take them. */
    private record Claim(List<ClaimedDelivery> claimed, long rowsRead) {
    }
}
