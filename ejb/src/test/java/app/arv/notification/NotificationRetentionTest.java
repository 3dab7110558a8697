package app.arv.notification;

import app.arv.ServiceBeans;
import app.arv.marker.MarkerOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.notification.OccurrenceMarkRepository;
import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification retention round and the once-only marks, on real PostgreSQL. */
class NotificationRetentionTest {

    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Duration KEEP_READ = Duration.ofDays(30);

    private final Organization acme = TestData.organization("Acme");
    private final Instant now = Instant.now();

    @Test
    void marksOfOccurrencesOverLongerThanTheRetentionAreDeletedAndCurrentOnesKept() {
        String oldQuota = "quota.warning:stored_bytes:2020-01";
        String thisMonth = "quota.warning:stored_bytes:" + now.toString().substring(0, 7);
        String expiredLongAgo = expiryMark(now.minus(Duration.ofDays(40)));
        String expiredLately = expiryMark(now.minus(Duration.ofDays(20)));
        take(oldQuota, Instant.parse("2020-02-01T00:00:00Z"));
        take(thisMonth, now.plus(Duration.ofDays(31)));
        take(expiredLongAgo, now.minus(Duration.ofDays(40)));
        take(expiredLately, now.minus(Duration.ofDays(20)));

        runRetention(new NotificationRules(Duration.ofDays(7), HOURLY, KEEP_READ));

        assertThat(taken(oldQuota)).isFalse();
        assertThat(taken(expiredLongAgo)).isFalse();
        assertThat(taken(thisMonth)).isTrue();
        assertThat(taken(expiredLately)).isTrue();
    }

    @Test
    void anExpiryMarkIsKeptAsLongAsTheExpiryTimerStillLooksBackAtItsDate() {
        // The timer announces content expired within the warning period; a longer warning than the retention keeps
        // the mark that long, or the content would be announced as expired again.
        String expired = expiryMark(now.minus(Duration.ofDays(40)));
        take(expired, now.minus(Duration.ofDays(40)));

        runRetention(new NotificationRules(Duration.ofDays(60), HOURLY, KEEP_READ));

        assertThat(taken(expired)).isTrue();
    }

    private static String expiryMark(Instant expiresAt) {
        return MarkerOccurrences.expiryMark(OccurrenceType.AR_CONTENT_EXPIRED, UUID.randomUUID(), expiresAt);
    }

    private void runRetention(NotificationRules rules) {
        Database.inTransaction(em -> new ServiceBeans(em).with(NotificationRules.class, rules).get(NotificationRetention.class).run(now));
    }

    private void take(String mark, Instant lapsesAt) {
        Database.inTransaction(em -> new ServiceBeans(em).get(OccurrenceMarkRepository.class).take(acme.getId(), mark, lapsesAt));
    }

    private boolean taken(String mark) {
        List<Boolean> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(new ServiceBeans(em).get(OccurrenceMarkRepository.class).taken(acme.getId(), mark)));
        return found.get(0);
    }
}
