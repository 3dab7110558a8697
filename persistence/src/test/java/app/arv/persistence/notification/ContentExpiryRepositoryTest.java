package app.arv.persistence.notification;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry timer's scan across organizations, on real PostgreSQL. */
class ContentExpiryRepositoryTest {

    private final ContentExpiryRepository expiries = new ContentExpiryRepository();
    private final OccurrenceMarkRepository marks = new OccurrenceMarkRepository();
    /** A day of its own, years ahead, so other tests' content never falls into this test's window. */
    private final Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3650 + ThreadLocalRandom.current().nextInt(36500)));

    @Test
    void contentExpiringInTheWindowIsFoundUntilItsMarkIsTaken() {
        ArContent expiring = expiringAt(TestData.organization("Acme"), day.plusSeconds(60));

        List<UUID> found = scan();
        Database.inTransaction(em -> {
            marks.em = em;
            marks.take(expiring.getOrganizationId(), "ar_content.expiring:" + expiring.getId() + ":" + expiring.getExpiresAt().getEpochSecond(),
                    expiring.getExpiresAt());
        });

        assertThat(found).containsExactly(expiring.getId());
        assertThat(scan()).isEmpty();
    }

    @Test
    void contentOfADeactivatedOrganizationIsNotAnnounced() {
        ArContent active = expiringAt(TestData.organization("Acme"), day.plusSeconds(60));
        Organization closed = TestData.organization("Closed");
        Database.inTransaction(em -> em.find(Organization.class, closed.getId()).setActive(false));
        expiringAt(closed, day.plusSeconds(120));

        List<UUID> found = scan();

        assertThat(found).containsExactly(active.getId());
    }

    private List<UUID> scan() {
        return Database.result(em -> {
            expiries.em = em;
            return expiries.unannounced("ar_content.expiring", day, day.plus(Duration.ofDays(1)), 100).stream().map(ArContent::getId).toList();
        });
    }

    private static ArContent expiringAt(Organization organization, Instant expiresAt) {
        ArContent content = TestData.storedContent(organization);
        Database.inTransaction(em -> em.find(ArContent.class, content.getId()).schedule(null, null, expiresAt));
        content.schedule(null, null, expiresAt);
        return content;
    }
}
