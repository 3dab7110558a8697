package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pending sign-ups as stored, on real PostgreSQL: found by their link's hash, deleted once the link has expired. */
class PendingSignupRepositoryTest {

    private static final Duration TTL = Duration.ofHours(24);

    private final PendingSignupRepository signups = new PendingSignupRepository();

    @Test
    void aLinkFindsItsSignUp() {
        String hash = TestData.randomSha256();
        PendingSignup stored = signup(hash, Instant.now());
        Database.persist(stored);

        Database.inTransaction(em -> {
            Repositories.on(em, signups);
            assertThat(signups.findByHashForUpdate(hash)).map(PendingSignup::getId).contains(stored.getId());
            assertThat(signups.findByHashForUpdate(TestData.randomSha256())).isEmpty();
        });
    }

    @Test
    void theCleanupDeletesSignUpsWhoseLinkExpiredAndKeepsLiveOnes() {
        Instant now = Instant.now();
        PendingSignup expired = signup(TestData.randomSha256(), now.minus(Duration.ofHours(25)));
        PendingSignup live = signup(TestData.randomSha256(), now.minus(Duration.ofHours(1)));
        Database.persist(expired, live);

        Database.inTransaction(em -> {
            Repositories.on(em, signups);
            signups.removeExpiredBefore(now);
        });

        Database.inTransaction(em -> {
            assertThat(em.find(PendingSignup.class, expired.getId())).isNull();
            assertThat(em.find(PendingSignup.class, live.getId())).isNotNull();
        });
    }

    private static PendingSignup signup(String hash, Instant issued) {
        return new PendingSignup("New Co", "founder-" + UUID.randomUUID() + "@example.com", "Sam", "hash", "en",
                new SingleUseToken(hash, issued, TTL));
    }
}
