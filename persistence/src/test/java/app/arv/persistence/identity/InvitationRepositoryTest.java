package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invitations as stored, on real PostgreSQL: one open invitation per address and organization, found by link, cleaned up. */
class InvitationRepositoryTest {

    private static final Duration TTL = Duration.ofHours(72);

    private final InvitationRepository invitations = new InvitationRepository();
    private final Organization acme = TestData.organization("Acme");

    @Test
    void aSecondOpenInvitationOfAnAddressInTheOrganizationIsRefusedByTheDatabase() {
        String email = "ann-" + UUID.randomUUID() + "@acme.example";
        Database.persist(invitation(acme, email, Instant.now()));

        assertThatThrownBy(() -> Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            invitations.addNow(invitation(acme, email.toUpperCase(), Instant.now()));
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void anotherOrganizationMayInviteTheSameAddress() {
        String email = "ann-" + UUID.randomUUID() + "@acme.example";
        Database.persist(invitation(acme, email, Instant.now()));
        Organization other = TestData.organization("Other");

        Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            invitations.addNow(invitation(other, email, Instant.now()));
        });

        Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            assertThat(invitations.findOpen(other.getId(), email)).isPresent();
        });
    }

    @Test
    void aRevokedInvitationNoLongerBlocksANewOne() {
        String email = "ann-" + UUID.randomUUID() + "@acme.example";
        Invitation first = invitation(acme, email, Instant.now());
        Database.persist(first);
        Database.inTransaction(em -> em.find(Invitation.class, first.getId()).revoke(Instant.now()));

        Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            assertThat(invitations.findOpen(acme.getId(), email)).isEmpty();
            invitations.addNow(invitation(acme, email, Instant.now()));
        });
    }

    @Test
    void aLinkFindsItsInvitationWhateverTheOrganization() {
        String hash = TestData.randomSha256();
        Invitation stored = new Invitation(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", Role.ADMIN, null, "ru", null,
                new SingleUseToken(hash, Instant.now(), TTL));
        Database.persist(stored);

        Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            assertThat(invitations.findByHashForUpdate(hash)).map(Invitation::getId).contains(stored.getId());
            assertThat(invitations.findByHashForUpdate("00".repeat(32))).isEmpty();
        });
    }

    @Test
    void theCleanupDeletesUnacceptedInvitationsExpiredBeforeTheCutoffAndKeepsAcceptedOnes() {
        Instant now = Instant.now();
        Invitation lapsed = invitation(acme, "old-" + UUID.randomUUID() + "@acme.example", now.minus(Duration.ofDays(20)));
        Invitation accepted = invitation(acme, "joined-" + UUID.randomUUID() + "@acme.example", now.minus(Duration.ofDays(20)));
        Invitation recent = invitation(acme, "new-" + UUID.randomUUID() + "@acme.example", now.minus(Duration.ofDays(4)));
        Database.persist(lapsed, accepted, recent);
        Database.inTransaction(em -> em.find(Invitation.class, accepted.getId()).accept(now.minus(Duration.ofDays(19))));

        Database.inTransaction(em -> {
            Repositories.on(em, invitations);
            invitations.removeUnacceptedExpiredBefore(now.minus(Duration.ofDays(7)));
        });

        Database.inTransaction(em -> {
            assertThat(em.find(Invitation.class, lapsed.getId())).isNull();
            assertThat(em.find(Invitation.class, accepted.getId())).isNotNull();
            assertThat(em.find(Invitation.class, recent.getId())).isNotNull();
        });
    }

    private static Invitation invitation(Organization organization, String email, Instant sent) {
        return new Invitation(organization.getId(), email, Role.MEMBER, null, "en", null,
                new SingleUseToken(TestData.randomSha256(), sent, TTL));
    }
}
