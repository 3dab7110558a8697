package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.Callers;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reset tokens that must not work (also once anything changed since they were mailed), on real PostgreSQL (the working path, with its mail, is PasswordResetIT's). */
class PasswordResetsTest {

    private static final PasswordHasher HASHER = new PasswordHasher(4);
    private static final String PASSWORD = "the current password 1";

    @TempDir
    Path dataDir;

    private SignInTestBeans signInBeans;

    @BeforeEach
    void theServicesOfSignIn() {
        signInBeans = new SignInTestBeans(dataDir, HASHER);
    }

    @Test
    void anExpiredTokenIsRefusedAndThePasswordStays() {
        User ann = aUser();
        LinkToken token = LinkToken.random();
        Database.persist(new PasswordResetToken(ann.getId(), token.hash(), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));

        assertRefused(token.raw());

        assertThat(Database.result(em -> em.find(User.class, ann.getId())).getPasswordHash()).isEqualTo("hash");
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

        assertThat(Database.result(em -> em.find(PasswordResetToken.class, stored(token))).getUsedAt()).isNull();
    }

    @Test
    void aLinkStopsWorkingWhenItsOwnerChangesTheirPassword() {
        User ann = aUserWithPassword();
        LinkToken link = aLinkOf(ann);
        Caller signedIn = new Caller(ann.getId(), null, ann.getOrganizationId(), ann.getEmail(), CallerRole.of(Role.ADMIN, false),
                null, UUID.randomUUID());

        Database.inTransaction(em -> signInBeans.on(em).get(OwnAccount.class).changePassword(signedIn, PASSWORD,
                "another-strong-password-2", new Device("test", "203.0.113.7")));

        assertRefused(link.raw());
    }

    @Test
    void aLinkStopsWorkingWhenAnAdminSetsThePassword() {
        User ann = aUserWithPassword();
        LinkToken link = aLinkOf(ann);

        Database.inTransaction(em -> signInBeans.on(em).get(UserService.class).change(adminOf(ann), ann.getId(), null, null,
                "another-strong-password-2"));

        assertRefused(link.raw());
    }

    @Test
    void aLinkStopsWorkingWhenItsOwnerIsDeactivatedAlsoOnceTheyAreActiveAgain() {
        User ann = aUserWithPassword();
        User bob = new User(ann.getOrganizationId(), "bob-" + UUID.randomUUID() + "@acme.example", "hash", Role.MEMBER);
        Database.persist(bob);
        LinkToken link = aLinkOf(bob);

        Database.inTransaction(em -> signInBeans.on(em).get(UserService.class).deactivate(adminOf(ann), bob.getId()));
        Database.inTransaction(em -> signInBeans.on(em).get(UserService.class).change(adminOf(ann), bob.getId(), null, true, null));

        assertRefused(link.raw());
    }

    @Test
    void aLinkStopsWorkingWhenANewerOneIsMailed() {
        User ann = aUserWithPassword();
        LinkToken link = aLinkOf(ann);

        Database.inTransaction(em -> mailALinkTo(em, ann));

        assertRefused(link.raw());
    }

    @Test
    void twoLinksAskedForAtOnceLeaveOneWorking() throws Exception {
        User ann = aUserWithPassword();

        Future<?> second = Database.whileTheFirstIsOpen(em -> mailALinkTo(em, ann), () -> Database.inTransaction(em -> mailALinkTo(em, ann)));
        second.get(10, TimeUnit.SECONDS);

        long unused = Database.result(em -> em
                .createQuery("SELECT count(t) FROM PasswordResetToken t WHERE t.userId = :user AND t.token.usedAt IS NULL", Long.class)
                .setParameter("user", ann.getId()).getSingleResult());
        assertThat(unused).isEqualTo(1);
    }

    private void mailALinkTo(EntityManager em, User user) {
        ResetMails mails = signInBeans.on(em).get(ResetMails.class);
        mails.ttl = Duration.ofHours(1);
        mails.issue(user.getEmail(), Locale.ENGLISH, "https://arv.example");
    }

    private User aUserWithPassword() {
        Organization acme = TestData.organization("Acme");
        User ann = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", HASHER.hash(PASSWORD), Role.ADMIN);
        Database.persist(ann);
        return ann;
    }

    private static LinkToken aLinkOf(User user) {
        LinkToken link = LinkToken.random();
        Database.persist(new PasswordResetToken(user.getId(), link.hash(), Instant.now(), Duration.ofHours(1)));
        return link;
    }

    private static Caller adminOf(User admin) {
        return Callers.signedIn(admin);
    }

    private static UUID stored(LinkToken token) {
        return Database.result(em -> em.createQuery("SELECT t.id FROM PasswordResetToken t WHERE t.token.hash = :h", UUID.class)
                .setParameter("h", token.hash()).getSingleResult());
    }

    private static ServiceBeans beans(EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4));
    }

    private static User aUser() {
        return TestData.person(TestData.organization("Acme"), "Ann", Role.ADMIN);
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
