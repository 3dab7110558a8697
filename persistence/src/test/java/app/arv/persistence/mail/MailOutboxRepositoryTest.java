package app.arv.persistence.mail;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.EntityManager;
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
import java.util.function.Predicate;

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
    void twoConcurrentClaimersNeverTakeTheSameMail() {
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add(queue(Instant.now().minusSeconds(60)));
        }

        List<List<ClaimedMail>> claims = Database.claimedTogether(em -> claimNow(em, "node-a"), em -> claimNow(em, "node-b"));

        List<UUID> first = claims.get(0).stream().map(ClaimedMail::id).toList();
        List<UUID> second = claims.get(1).stream().map(ClaimedMail::id).toList();
        assertThat(first).doesNotContainAnyElementsOf(second);
        List<UUID> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).doesNotHaveDuplicates().hasSize(40);
        assertThat(queued).containsExactlyInAnyOrderElementsOf(all);
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

        int removed = Database.result(em -> repository(em).removeSettledBefore(Instant.now().minus(Duration.ofDays(7)), 1000));

        assertThat(removed).isEqualTo(2);
        assertThat(find(sent)).isNull();
        assertThat(find(dead)).isNull();
        assertThat(find(waiting).getStatus()).isEqualTo(MailStatus.QUEUED);
        assertThat(find(recentSent).getStatus()).isEqualTo(MailStatus.SENT);
    }

    /** A claim of up to 25 mails due now, as one of two concurrent claimers. */
    private static List<ClaimedMail> claimNow(EntityManager em, String node) {
        return repository(em).claim(Instant.now(), Instant.now().plus(LEASE), node, 25);
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

    private static MailOutboxRepository repository(EntityManager em) {
        return Repositories.on(em, new MailOutboxRepository());
    }

    private static List<ClaimedMail> claim(Instant now, String node, int limit) {
        return Database.result(em -> repository(em).claim(now, now.plus(LEASE), node, limit));
    }

    private static boolean settle(Predicate<MailOutboxRepository> action) {
        return Database.result(em -> action.test(repository(em)));
    }

    private static OutboxMail find(UUID id) {
        return Database.result(em -> em.find(OutboxMail.class, id));
    }
}
