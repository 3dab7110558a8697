package app.arv.persistence.notification;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** People's notifications and once-only marks as stored, on real PostgreSQL. */
class NotificationRepositoryTest {

    private final NotificationRepository notifications = new NotificationRepository();
    private final OccurrenceMarkRepository marks = new OccurrenceMarkRepository();
    private final Organization acme = TestData.organization("Acme");
    private final User ann = person(acme, Role.ADMIN);

    @Test
    void theRecipientsAreTheActiveAdminsAndTheNamedPersonOfTheOrganization() {
        User bob = person(acme, Role.MEMBER);
        person(acme, Role.MEMBER);
        User gone = person(acme, Role.ADMIN);
        Database.inTransaction(em -> em.find(User.class, gone.getId()).setActive(false));
        User elsewhere = person(TestData.organization("Other"), Role.ADMIN);

        List<UUID> recipients = inTransaction(() -> notifications.recipients(acme.getId(), bob.getId()).stream().map(User::getId).toList());
        List<UUID> foreign = inTransaction(() -> notifications.recipients(acme.getId(), elsewhere.getId()).stream().map(User::getId).toList());

        assertThat(recipients).containsExactlyInAnyOrder(ann.getId(), bob.getId());
        assertThat(foreign).containsExactly(ann.getId());
    }

    @Test
    void aPersonsListIsNewestFirstAndTheUnreadFilterLeavesReadOnesOut() {
        Notification first = told(ann);
        Notification second = told(ann);
        Database.inTransaction(em -> em.find(Notification.class, first.getId()).read(Instant.now()));

        List<UUID> all = inTransaction(() -> notifications.list(acme.getId(), ann.getId(), false, PageRequest.first()).items()
                .stream().map(Notification::getId).toList());
        List<UUID> unread = inTransaction(() -> notifications.list(acme.getId(), ann.getId(), true, PageRequest.first()).items()
                .stream().map(Notification::getId).toList());

        assertThat(all).containsExactly(second.getId(), first.getId());
        assertThat(unread).containsExactly(second.getId());
    }

    @Test
    void retentionDeletesNotificationsReadBeforeTheCutOffAndKeepsUnreadOnes() {
        Notification oldRead = told(ann);
        Notification recentRead = told(ann);
        Notification unread = told(ann);
        Instant now = Instant.now();
        Database.inTransaction(em -> {
            em.find(Notification.class, oldRead.getId()).read(now.minus(Duration.ofDays(40)));
            em.find(Notification.class, recentRead.getId()).read(now.minus(Duration.ofDays(1)));
        });

        Database.inTransaction(em -> {
            Repositories.on(em, notifications);
            notifications.removeReadBefore(now.minus(Duration.ofDays(30)), 1000);
        });

        List<UUID> left = inTransaction(() -> notifications.list(acme.getId(), ann.getId(), false, PageRequest.first()).items()
                .stream().map(Notification::getId).toList());
        assertThat(left).containsExactlyInAnyOrder(recentRead.getId(), unread.getId());
    }

    @Test
    void oneRetentionBatchDeletesAtMostTheGivenNumberOfNotifications() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        for (int i = 0; i < 3; i++) {
            Notification read = told(ann);
            Database.inTransaction(em -> em.find(Notification.class, read.getId()).read(longAgo));
        }

        int removed = inTransaction(() -> notifications.removeReadBefore(Instant.now().minus(Duration.ofDays(30)), 2));

        assertThat(removed).isEqualTo(2);
    }

    @Test
    void retentionDeletesMarksWhoseOccurrenceLapsedBeforeTheCutOffOnly() {
        Instant now = Instant.now();
        inTransaction(() -> marks.take(acme.getId(), "quota.warning:stored_bytes:2020-01", Instant.parse("2020-02-01T00:00:00Z")));
        inTransaction(() -> marks.take(acme.getId(), "ar_content.expired:y:2", now.minus(Duration.ofDays(1))));

        int removed = inTransaction(() -> marks.removeLapsedBefore(now.minus(Duration.ofDays(30)), 1000));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat((boolean) inTransaction(() -> marks.taken(acme.getId(), "quota.warning:stored_bytes:2020-01"))).isFalse();
        assertThat((boolean) inTransaction(() -> marks.taken(acme.getId(), "ar_content.expired:y:2"))).isTrue();
    }

    @Test
    void aMarkIsTakenOnceAndIsTheOrganizationsOwn() {
        Organization other = TestData.organization("Other");

        boolean first = inTransaction(() -> marks.take(acme.getId(), "quota.warning:stored_bytes:2026-12", Instant.parse("2027-01-01T00:00:00Z")));
        boolean again = inTransaction(() -> marks.take(acme.getId(), "quota.warning:stored_bytes:2026-12", Instant.parse("2027-01-01T00:00:00Z")));
        boolean elsewhere = inTransaction(() -> marks.take(other.getId(), "quota.warning:stored_bytes:2026-12", Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(elsewhere).isTrue();
    }

    @Test
    void aMarkTakenInARolledBackTransactionIsFreeAgain() {
        var em = Database.entityManagerFactory().createEntityManager();
        em.getTransaction().begin();
        marks.em = em;
        assertThat(marks.take(acme.getId(), "ar_content.expired:x:1", Instant.ofEpochSecond(1))).isTrue();
        em.getTransaction().rollback();
        em.close();

        assertThat((boolean) inTransaction(() -> marks.take(acme.getId(), "ar_content.expired:x:1", Instant.ofEpochSecond(1)))).isTrue();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Database.result(em -> {
            Repositories.on(em, notifications);
            marks.em = em;
            return work.get();
        });
    }

    private Notification told(User person) {
        Notification notification = new Notification(acme.getId(), person.getId(), "marker.failed", UUID.randomUUID(), "{}", Instant.now());
        Database.persist(notification);
        return notification;
    }

    private static User person(Organization organization, Role role) {
        User user = new User(organization.getId(), role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com", "hash", role);
        Database.persist(user);
        return user;
    }
}
