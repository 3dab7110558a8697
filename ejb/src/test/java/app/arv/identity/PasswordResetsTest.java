package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reset tokens that must not work, on real PostgreSQL (the working path, with its mail, is PasswordResetIT's). */
class PasswordResetsTest {

    @Test
    void anExpiredTokenIsRefusedAndThePasswordStays() {
        User ann = aUser();
        LinkToken token = LinkToken.random();
        Database.persist(new PasswordResetToken(ann.getId(), token.hash(), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));

        assertRefused(token.raw());

        assertThat(Database.entityManagerFactory().createEntityManager().find(User.class, ann.getId()).getPasswordHash())
                .isEqualTo("hash");
    }

    @Test
    void anUnknownTokenIsRefusedLikeAnExpiredOne() {
        assertRefused(LinkToken.random().raw());
    }

    @Test
    void aTokenOfADeactivatedPersonIsRefused() {
        User ann = aUser();
        Database.inTransaction(em -> em.find(User.class, ann.getId()).setActive(false));
        LinkToken token = LinkToken.random();
        Database.persist(new PasswordResetToken(ann.getId(), token.hash(), Instant.now(), Duration.ofHours(1)));

        assertRefused(token.raw());
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheTokenStaysUsable() {
        User ann = aUser();
        LinkToken token = LinkToken.random();
        Database.persist(new PasswordResetToken(ann.getId(), token.hash(), Instant.now(), Duration.ofHours(1)));

        assertThatThrownBy(() -> Database.inTransaction(em -> beans(em).get(PasswordResets.class).confirm(token.raw(), "qwertyuiop")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("weak_password"));

        assertThat(Database.entityManagerFactory().createEntityManager().find(PasswordResetToken.class, stored(token)).getUsedAt()).isNull();
    }

    private static java.util.UUID stored(LinkToken token) {
        return Database.entityManagerFactory().createEntityManager()
                .createQuery("SELECT t.id FROM PasswordResetToken t WHERE t.token.hash = :h", java.util.UUID.class)
                .setParameter("h", token.hash()).getSingleResult();
    }

    private static ServiceBeans beans(jakarta.persistence.EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4));
    }

    private static User aUser() {
        Organization acme = TestData.organization("Acme");
        User ann = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", "hash", Role.ADMIN);
        Database.persist(ann);
        return ann;
    }

    private static void assertRefused(String rawToken) {
        assertThatThrownBy(() -> Database.inTransaction(em -> new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4))
                .get(PasswordResets.class).confirm(rawToken, "a-strong-new-password-1")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_token");
                    assertThat(e.status()).isEqualTo(400);
                });
    }
}
