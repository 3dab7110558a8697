package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Invitation;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.SingleUseToken;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.mail.OutboxMail;
import app.arv.persistence.organization.Organization;
import app.arv.platform.PublicAddress;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of invitations, on real PostgreSQL without a server: who cannot be invited twice, which links are refused
 * (and that a refusal creates nobody). The working path, with its mail and sign-in, is InvitationIT's.
 */
class InvitationsTest {

    private static final Duration TTL = Duration.ofHours(72);

    private Organization acme;
    private User ann;

    @BeforeEach
    void anOrganizationWithAnAdmin() {
        acme = TestData.organization("Acme");
        ann = TestData.person(acme, "Ann", Role.ADMIN);
    }

    @Test
    void anAddressWithAnAccountInAnyOrganizationCannotBeInvited() {
        Organization other = TestData.organization("Other");
        User bob = TestData.person(other, "Bob", Role.MEMBER);

        assertRefused(invitations -> invite(invitations, bob.getEmail().toUpperCase(Locale.ROOT)), "email_taken");
    }

    @Test
    void theInvitationIsInTheFirstOfTheInvitersLanguagesArvSpeaks() {
        String email = "new-" + UUID.randomUUID() + "@acme.example";

        AtomicReference<Invitation> invitation = new AtomicReference<>();
        Database.inTransaction(em -> invitation.set(beans(em).get(Invitations.class).invite(admin(), email, Role.MEMBER, null,
                List.of(Locale.GERMAN, Locale.forLanguageTag("ru-RU"), Locale.ENGLISH), "http://arv.test")));

        assertThat(invitation.get().getLocale()).isEqualTo("ru");
        Database.inTransaction(em -> assertThat(em.createQuery("SELECT m FROM OutboxMail m WHERE m.recipient = :email", OutboxMail.class)
                .setParameter("email", email).getSingleResult().getLocale()).isEqualTo("ru"));
    }

    @Test
    void aSecondInviteOfAPendingAddressIsAConflict() {
        String email = "new-" + UUID.randomUUID() + "@acme.example";
        Database.inTransaction(em -> invite(beans(em).get(Invitations.class), email));

        assertRefused(invitations -> invite(invitations, email), "invitation_pending");
    }

    @Test
    void aNewInviteReplacesAnExpiredOne() {
        String email = "late-" + UUID.randomUUID() + "@acme.example";
        Invitation expired = stored(email, Instant.now().minus(Duration.ofDays(4)), LinkToken.random());

        Database.inTransaction(em -> invite(beans(em).get(Invitations.class), email));

        Database.inTransaction(em -> {
            assertThat(em.find(Invitation.class, expired.getId())).isNull();
            assertThat(invitationsOf(em, email)).isEqualTo(1);
        });
    }

    @Test
    void anExpiredLinkIsRefusedAndCreatesNobody() {
        String email = "late-" + UUID.randomUUID() + "@acme.example";
        LinkToken token = LinkToken.random();
        stored(email, Instant.now().minus(Duration.ofDays(4)), token);

        assertRefused(invitations -> accept(invitations, token), "invalid_token");

        assertNoUser(email);
    }

    @Test
    void aRevokedLinkIsRefusedAndCreatesNobody() {
        String email = "gone-" + UUID.randomUUID() + "@acme.example";
        LinkToken token = LinkToken.random();
        Invitation invitation = stored(email, Instant.now(), token);
        Database.inTransaction(em -> beans(em).get(Invitations.class).revoke(admin(), invitation.getId()));

        assertRefused(invitations -> accept(invitations, token), "invalid_token");

        assertNoUser(email);
    }

    @Test
    void aLinkOfADeactivatedOrganizationIsRefused() {
        String email = "closed-" + UUID.randomUUID() + "@acme.example";
        LinkToken token = LinkToken.random();
        stored(email, Instant.now(), token);
        Database.inTransaction(em -> em.find(Organization.class, acme.getId()).setActive(false));

        assertRefused(invitations -> invitations.preview(token.raw()), "invalid_token");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStaysUsable() {
        String email = "weak-" + UUID.randomUUID() + "@acme.example";
        LinkToken token = LinkToken.random();
        stored(email, Instant.now(), token);

        assertThatThrownBy(() -> Database.inTransaction(em -> beans(em).get(Invitations.class)
                .accept(token.raw(), "qwertyuiop", null, new Device(null, "10.0.0.1"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("weak_password"));

        assertNoUser(email);
        Database.inTransaction(em -> assertThat(beans(em).get(Invitations.class).preview(token.raw()).email()).isEqualTo(email));
    }

    @Test
    void anotherOrganizationsInvitationIsNotFound() {
        Organization other = TestData.organization("Other");
        Invitation theirs = new Invitation(other.getId(), "x-" + UUID.randomUUID() + "@other.example", Role.MEMBER, null, "en", null,
                new SingleUseToken(LinkToken.random().hash(), Instant.now(), TTL));
        Database.persist(theirs);

        assertRefused(invitations -> invitations.get(admin(), theirs.getId()), "not_found");
        assertRefused(invitations -> invitations.revoke(admin(), theirs.getId()), "not_found");
    }

    @Test
    void thePreviewShowsTheOrganizationAndTheAddressOnly() {
        String email = "see-" + UUID.randomUUID() + "@acme.example";
        LinkToken token = LinkToken.random();
        stored(email, Instant.now(), token);

        Database.inTransaction(em -> assertThat(beans(em).get(Invitations.class).preview(token.raw()))
                .isEqualTo(new Invitations.Preview("Acme", email)));
    }

    private Invitation stored(String email, Instant sent, LinkToken token) {
        Invitation invitation = new Invitation(acme.getId(), email, Role.MEMBER, null, "en", ann.getId(),
                new SingleUseToken(token.hash(), sent, TTL));
        Database.persist(invitation);
        return invitation;
    }

    private void invite(Invitations invitations, String email) {
        invitations.invite(admin(), email, Role.MEMBER, null, List.of(Locale.ENGLISH), "http://arv.test");
    }

    private static void accept(Invitations invitations, LinkToken token) {
        invitations.accept(token.raw(), "a-strong-new-password-1", null, new Device(null, "10.0.0.1"));
    }

    private Caller admin() {
        return Callers.signedIn(ann);
    }

    private static long invitationsOf(EntityManager em, String email) {
        return em.createQuery("SELECT COUNT(i) FROM Invitation i WHERE i.email = :email", Long.class)
                .setParameter("email", email).getSingleResult();
    }

    private static void assertNoUser(String email) {
        Database.inTransaction(em -> assertThat(new ServiceBeans(em).get(UserRepository.class)
                .findByEmail(email)).isEmpty());
    }

    private static ServiceBeans beans(EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4))
                .with(InvitationRules.class, new InvitationRules(TTL))
                .with(PublicAddress.class, new PublicAddress(Optional.of("http://arv.test")));
    }

    private static void assertRefused(Consumer<Invitations> call, String code) {
        assertThatThrownBy(() -> Database.inTransaction(em -> call.accept(beans(em).get(Invitations.class))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
