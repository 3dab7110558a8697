package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Password-reset tokens as stored, on real PostgreSQL: deleted by the hourly clean-up once their link has expired. */
class PasswordResetTokenRepositoryTest {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final PasswordResetTokenRepository tokens = new PasswordResetTokenRepository();

    @Test
    void theCleanupDeletesTokensWhoseLinkExpiredUsedOrNotAndKeepsLiveOnes() {
        Organization acme = TestData.organization("Acme");
        User anna = TestData.person(acme, "Anna", Role.MEMBER);
        Instant now = Instant.now();
        PasswordResetToken expired = new PasswordResetToken(anna.getId(), TestData.randomSha256(), now.minus(Duration.ofHours(2)), LIFETIME);
        PasswordResetToken used = new PasswordResetToken(anna.getId(), TestData.randomSha256(), now.minus(Duration.ofHours(3)), LIFETIME);
        used.use(now.minus(Duration.ofHours(3)).plusSeconds(5));
        PasswordResetToken live = new PasswordResetToken(anna.getId(), TestData.randomSha256(), now.minus(Duration.ofMinutes(5)), LIFETIME);
        Database.persist(expired, used, live);

        Database.inTransaction(em -> {
            Repositories.on(em, tokens);
            assertThat(tokens.removeExpiredBefore(now)).isEqualTo(2);
        });

        Database.inTransaction(em -> {
            assertThat(em.find(PasswordResetToken.class, expired.getId())).isNull();
            assertThat(em.find(PasswordResetToken.class, used.getId())).isNull();
            assertThat(em.find(PasswordResetToken.class, live.getId())).isNotNull();
        });
    }
}
