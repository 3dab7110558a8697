package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.PendingSignup;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.SingleUseToken;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.platform.PublicAddress;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of self-service sign-up, on real PostgreSQL without a server: off means nothing is stored, what is stored
 * holds the password's hash only, and a link that may not open an organization opens none. The working path, with its
 * mail and sign-in, is SignupIT's.
 */
class SignupsTest {

    private static final Duration TTL = Duration.ofHours(24);
    private static final String PASSWORD = "a-strong-new-password-1";

    @Test
    void withSignUpOffARequestIsRefusedAndNothingIsStored() {
        String email = newAddress();

        assertRefused(false, signups -> signups.request("Off Ltd", email, "Sam", PASSWORD, "10.0.0.1", List.of(), "http://arv.test"),
                "signup_disabled");

        Database.inTransaction(em -> assertThat(pendingOf(em, email)).isEmpty());
    }

    @Test
    void withSignUpOffALinkIsRefused() {
        LinkToken token = stored(newAddress(), Instant.now());

        assertRefused(false, signups -> signups.verify(token.raw(), new Device(null, "10.0.0.1")), "signup_disabled");
    }

    @Test
    void aNewAddressGetsAPendingSignUpWithThePasswordsHashOnlyAndAMail() {
        String email = newAddress();

        Database.inTransaction(em -> beans(em, true).get(SignupMails.class).issue(
                new SignupMails.Requested("New Co", email, "Sam", PASSWORD, Locale.ENGLISH), "http://arv.test"));

        Database.inTransaction(em -> {
            List<PendingSignup> pending = pendingOf(em, email);
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).getPasswordHash()).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
            assertThat(new PasswordHasher(4).matches(PASSWORD, pending.get(0).getPasswordHash())).isTrue();
            assertThat(mailsTo(em, email)).isEqualTo(1);
        });
    }

    @Test
    void anAddressWithAnAccountGetsNeitherAPendingSignUpNorAMail() {
        Organization acme = TestData.organization("Acme");
        User ann = new User(acme.getId(), newAddress(), "hash", Role.ADMIN);
        Database.persist(ann);

        Database.inTransaction(em -> beans(em, true).get(SignupMails.class).issue(
                new SignupMails.Requested("Copycat", ann.getEmail().toUpperCase(Locale.ROOT), "Ann", PASSWORD, Locale.ENGLISH),
                "http://arv.test"));

        Database.inTransaction(em -> {
            assertThat(pendingOf(em, ann.getEmail().toUpperCase(Locale.ROOT))).isEmpty();
            assertThat(mailsTo(em, ann.getEmail())).isZero();
        });
    }

    @Test
    void anExpiredLinkIsRefusedAndOpensNothing() {
        String email = newAddress();
        LinkToken token = stored(email, Instant.now().minus(Duration.ofHours(25)));

        assertRefused(true, signups -> signups.verify(token.raw(), new Device(null, "10.0.0.1")), "invalid_token");

        assertNoOrganizationFor(email);
    }

    @Test
    void anAddressThatGotAnAccountMeanwhileIsAConflictAndOpensNothing() {
        String email = newAddress();
        LinkToken token = stored(email, Instant.now());
        Organization acme = TestData.organization("Acme");
        Database.persist(new User(acme.getId(), email, "hash", Role.MEMBER));

        assertRefused(true, signups -> signups.verify(token.raw(), new Device(null, "10.0.0.1")), "email_taken");

        Database.inTransaction(em -> assertThat(em.createQuery("SELECT COUNT(o) FROM Organization o WHERE o.name = :name", Long.class)
                .setParameter("name", "Org of " + email).getSingleResult()).isZero());
    }

    private static LinkToken stored(String email, Instant issued) {
        LinkToken token = LinkToken.random();
        Database.persist(new PendingSignup("Org of " + email, email, "Sam", "hash", "en", new SingleUseToken(token.hash(), issued, TTL)));
        return token;
    }

    private static void assertNoOrganizationFor(String email) {
        Database.inTransaction(em -> {
            assertThat(em.createQuery("SELECT COUNT(u) FROM User u WHERE u.email = :email", Long.class).setParameter("email", email)
                    .getSingleResult()).isZero();
            assertThat(em.createQuery("SELECT COUNT(o) FROM Organization o WHERE o.name = :name", Long.class)
                    .setParameter("name", "Org of " + email).getSingleResult()).isZero();
        });
    }

    private static List<PendingSignup> pendingOf(EntityManager em, String email) {
        return em.createQuery("SELECT s FROM PendingSignup s WHERE s.email = :email", PendingSignup.class).setParameter("email", email)
                .getResultList();
    }

    private static long mailsTo(EntityManager em, String email) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE LOWER(m.recipient) = LOWER(:email)", Long.class)
                .setParameter("email", email).getSingleResult();
    }

    private static String newAddress() {
        return "founder-" + UUID.randomUUID() + "@example.com";
    }

    private static ServiceBeans beans(EntityManager em, boolean enabled) {
        return new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4))
                .with(SignupSettings.class, new SignupSettings(enabled, TTL))
                .with(PublicAddress.class, new PublicAddress(Optional.empty()));
    }

    private static void assertRefused(boolean enabled, Consumer<Signups> call, String code) {
        assertThatThrownBy(() -> Database.inTransaction(em -> call.accept(beans(em, enabled).get(Signups.class))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
