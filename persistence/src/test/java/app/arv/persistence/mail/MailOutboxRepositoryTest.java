package app.arv.persistence.mail;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MailOutboxRepositoryTest extends TwoTenantsTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @BeforeEach
    void anEmptyOutbox() {
        Database.inTransaction(em -> em.createNativeQuery("DELETE FROM mail_outbox").executeUpdate());
    }

    @Test
    void aClaimedMailIsNotClaimedAgainWhileItsLeaseRuns() {
        UUID id = queue(Instant.now());
        Instant now = Instant.now();

        List<ClaimedMail> first = claim(now, "node-a", 10);
        List<ClaimedMail> second = claim(now.plusSeconds(1), "node-b", 10);

        assertThat(first).extracting(ClaimedMail::id).containsExactly(id);
        assertThat(first.get(0).attempt()).isEqualTo(1);
        assertThat(second).isEmpty();
    }

    @Test
    void aMailWhoseHolderDiedIsDueAgainOnceTheLeaseHasPassed() {
        UUID id = queue(Instant.now());
        Instant now = Instant.now();
        claim(now, "node-a", 10);

        List<ClaimedMail> afterLease = claim(now.plus(LEASE).plusSeconds(1), "node-b", 10);

        assertThat(afterLease).extracting(ClaimedMail::id).containsExactly(id);
        assertThat(afterLease.get(0).attempt()).isEqualTo(2);
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverSettlesNothing() {
        UUID id = queue(Instant.now());
        Instant now = Instant.now();
        ClaimedMail stale = claim(now, "node-a", 10).get(0);
        ClaimedMail current = claim(now.plus(LEASE).plusSeconds(1), "node-b", 10).get(0);

        boolean staleSettled = settle(repository -> repository.markSent(stale, Instant.now()));
        boolean currentSettled = settle(repository -> repository.markSent(current, Instant.now()));

        assertThat(staleSettled).isFalse();
        assertThat(currentSettled).isTrue();
        assertThat(find(id).getStatus()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void aFailedAttemptIsDueOnlyAtItsRetryTime() {
        UUID id = queue(Instant.now());
        Instant now = Instant.now();
        ClaimedMail claimed = claim(now, "node-a", 10).get(0);
        settle(repository -> repository.retryAt(claimed, now.plus(Duration.ofMinutes(5)), "connection refused"));

        List<ClaimedMail> early = claim(now.plus(Duration.ofMinutes(4)), "node-a", 10);
        List<ClaimedMail> onTime = claim(now.plus(Duration.ofMinutes(5)), "node-a", 10);

        assertThat(early).isEmpty();
        assertThat(onTime).extracting(ClaimedMail::id).containsExactly(id);
        assertThat(find(id).getLastError()).isEqualTo("connection refused");
    }

    @Test
    void aDeadMailKeepsItsLastErrorAndIsNeverClaimedAgain() {
        UUID id = queue(Instant.now());
        ClaimedMail claimed = claim(Instant.now(), "node-a", 10).get(0);

        settle(repository -> repository.deadLetter(claimed, "550 mailbox unavailable"));

        OutboxMail dead = find(id);
        assertThat(dead.getStatus()).isEqualTo(MailStatus.DEAD);
        assertThat(dead.getLastError()).isEqualTo("550 mailbox unavailable");
        assertThat(dead.getAttempts()).isEqualTo(1);
        assertThat(claim(Instant.now().plus(Duration.ofDays(1)), "node-a", 10)).isEmpty();
    }

    @Test
    void aMailGivenBackIsDueAtOnceWithoutCountingTheAttempt() {
        UUID id = queue(Instant.now());
        Instant now = Instant.now();
        ClaimedMail claimed = claim(now, "node-a", 10).get(0);

        settle(repository -> repository.giveBack(claimed, now));

        List<ClaimedMail> again = claim(now, "node-b", 10);
        assertThat(again).extracting(ClaimedMail::id).containsExactly(id);
        assertThat(again.get(0).attempt()).isEqualTo(1);
    }

    @Test
    void twoConcurrentClaimersNeverTakeTheSameMail() throws Exception {
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add(queue(Instant.now().minusSeconds(60)));
        }
        CountDownLatch bothClaimed = new CountDownLatch(2);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        try {
            // Each claimer keeps its transaction (and row locks) open until both have claimed: the second one
            // runs while the first one's rows are locked, and must skip them rather than wait or take them.
            Future<List<ClaimedMail>> a = claimers.submit(() -> claimHolding("node-a", 25, bothClaimed));
            Future<List<ClaimedMail>> b = claimers.submit(() -> claimHolding("node-b", 25, bothClaimed));
            List<UUID> first = a.get(30, TimeUnit.SECONDS).stream().map(ClaimedMail::id).toList();
            List<UUID> second = b.get(30, TimeUnit.SECONDS).stream().map(ClaimedMail::id).toList();

            assertThat(first).doesNotContainAnyElementsOf(second);
            List<UUID> all = new ArrayList<>(first);
            all.addAll(second);
            assertThat(all).doesNotHaveDuplicates().hasSize(40);
            assertThat(queued).containsExactlyInAnyOrderElementsOf(all);
        } finally {
            claimers.shutdownNow();
        }
    }

    @Test
    void mailsOfEveryOrganizationAreClaimedInScheduleOrder() {
        UUID later = queue(globex.getId(), Instant.now().minusSeconds(10));
        UUID earlier = queue(acme.getId(), Instant.now().minusSeconds(20));

        List<ClaimedMail> claimed = claim(Instant.now(), "node-a", 10);

        assertThat(claimed).extracting(ClaimedMail::id).containsExactly(earlier, later);
    }

    @Test
    void retentionDeletesOldSentAndDeadMailsButNeverQueuedOnes() {
        Instant old = Instant.now().minus(Duration.ofDays(8));
        UUID sent = queue(old);
        UUID dead = queue(old);
        UUID waiting = queue(old);
        UUID recentSent = queue(Instant.now());
        for (ClaimedMail claimed : claim(Instant.now(), "node-a", 10)) {
            if (claimed.id().equals(dead)) {
                settle(repository -> repository.deadLetter(claimed, "550 no such user"));
            } else if (claimed.id().equals(waiting)) {
                settle(repository -> repository.retryAt(claimed, Instant.now(), "timeout"));
            } else {
                settle(repository -> repository.markSent(claimed, Instant.now()));
            }
        }

        boolean[] removed = new boolean[1];
        Database.inTransaction(em -> {
            MailOutboxRepository repository = new MailOutboxRepository();
            Repositories.on(em, repository);
            removed[0] = repository.removeSettledBefore(Instant.now().minus(Duration.ofDays(7)), 1000) == 2;
        });

        assertThat(removed[0]).isTrue();
        assertThat(find(sent)).isNull();
        assertThat(find(dead)).isNull();
        assertThat(find(waiting).getStatus()).isEqualTo(MailStatus.QUEUED);
        assertThat(find(recentSent).getStatus()).isEqualTo(MailStatus.SENT);
    }

    private List<ClaimedMail> claimHolding(String node, int limit, CountDownLatch bothClaimed) {
        List<ClaimedMail> claimed = new ArrayList<>();
        Database.inTransaction(em -> {
            MailOutboxRepository repository = new MailOutboxRepository();
            Repositories.on(em, repository);
            claimed.addAll(repository.claim(Instant.now(), Instant.now().plus(LEASE), node, limit));
            bothClaimed.countDown();
            try {
                // The other claimer's claim returns while this one's rows are still locked, or it waited on them.
                if (!bothClaimed.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("The other claimer waited on the rows " + node + " holds instead of skipping them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return claimed;
    }

    private UUID queue(Instant now) {
        return queue(acme.getId(), now);
    }

    private UUID queue(UUID organizationId, Instant now) {
        OutboxMail mail = new OutboxMail(organizationId, "test-mail", "boss@acme.example", Locale.ENGLISH, "Hello",
                "Hello", "<p>Hello</p>", now);
        Database.inTransaction(em -> em.persist(mail));
        return mail.getId();
    }

    private static List<ClaimedMail> claim(Instant now, String node, int limit) {
        List<ClaimedMail> claimed = new ArrayList<>();
        Database.inTransaction(em -> {
            MailOutboxRepository repository = new MailOutboxRepository();
            Repositories.on(em, repository);
            claimed.addAll(repository.claim(now, now.plus(LEASE), node, limit));
        });
        return claimed;
    }

    private static boolean settle(java.util.function.Predicate<MailOutboxRepository> action) {
        boolean[] done = new boolean[1];
        Database.inTransaction(em -> {
            MailOutboxRepository repository = new MailOutboxRepository();
            Repositories.on(em, repository);
            done[0] = action.test(repository);
        });
        return done[0];
    }

    private static OutboxMail find(UUID id) {
        List<OutboxMail> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(em.find(OutboxMail.class, id)));
        return found.get(0);
    }
}
