package app.arv.persistence.media;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MediaDeletionRepositoryTest extends TwoTenantsTest {

    private final MediaDeletionRepository deletions = new MediaDeletionRepository();
    private MediaResource retired;

    @BeforeEach
    void aRetiredResource() {
        retired = TestData.resource(acme.getId(), "image/png", "a.png");
        retired.markDeleted(Instant.now());
        Database.persist(retired);
    }

    @Test
    void aFailedDeletionIsDueAgainOnlyAfterItsBackoff() {
        MediaDeletion deletion = new MediaDeletion(retired, Instant.now());
        deletion.failed("connection refused", Instant.now().plus(Duration.ofMinutes(5)));
        Database.persist(deletion);

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.dueAcrossOrganizations(Instant.now(), 1000)).doesNotContain(deletion.getId());
            assertThat(deletions.dueAcrossOrganizations(Instant.now().plus(Duration.ofMinutes(6)), 1000)).contains(deletion.getId());
        });
    }

    @Test
    void aParkedDeletionIsADeadLetterOfItsOrganizationOnly() {
        MediaDeletion deletion = new MediaDeletion(retired, Instant.now());
        deletion.failed("access denied", Instant.now());
        Database.persist(deletion);

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            deletions.park(deletions.lockAcrossOrganizations(deletion.getId()).orElseThrow(), Instant.now());
        });

        Database.inTransaction(em -> {
            Repositories.on(em, deletions);
            assertThat(deletions.deadLetters(acme.getId())).extracting(MediaDeletionDeadLetter::getLastError)
                    .containsExactly("access denied");
            assertThat(deletions.deadLetters(globex.getId())).isEmpty();
            assertThat(deletions.countPending(acme.getId())).isZero();
        });
    }
}
