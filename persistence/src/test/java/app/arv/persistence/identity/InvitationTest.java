package app.arv.persistence.identity;

import app.arv.persistence.identity.Invitation.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationTest {

    private static final Instant SENT = Instant.parse("2026-12-01T03:00:00Z");
    private static final Duration TTL = Duration.ofHours(72);

    private final Invitation invitation = new Invitation(UUID.randomUUID(), "ann@acme.example", Role.MEMBER, " Ann ", "en", null,
            new SingleUseToken("ab".repeat(32), SENT, TTL));

    @Test
    void aNewInvitationIsPendingUntilItsLinkExpires() {
        assertThat(invitation.statusAt(SENT.plus(Duration.ofHours(71)))).isEqualTo(Status.PENDING);
        assertThat(invitation.statusAt(SENT.plus(TTL))).isEqualTo(Status.EXPIRED);
        assertThat(invitation.isOpen()).isTrue();
    }

    @Test
    void anAcceptedInvitationStaysAcceptedAndCannotBeAcceptedAgain() {
        invitation.accept(SENT.plusSeconds(60));

        assertThat(invitation.statusAt(SENT.plus(Duration.ofDays(30)))).isEqualTo(Status.ACCEPTED);
        assertThat(invitation.isOpen()).isFalse();
        assertThatThrownBy(() -> invitation.accept(SENT.plusSeconds(61))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        invitation.revoke(SENT.plusSeconds(60));

        assertThat(invitation.statusAt(SENT.plusSeconds(61))).isEqualTo(Status.REVOKED);
        assertThatThrownBy(() -> invitation.accept(SENT.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedButCanBeReissued() {
        Instant late = SENT.plus(TTL).plusSeconds(1);
        assertThatThrownBy(() -> invitation.accept(late)).isInstanceOf(IllegalStateException.class);

        invitation.reissue("cd".repeat(32), late, TTL);

        assertThat(invitation.statusAt(late)).isEqualTo(Status.PENDING);
        assertThat(invitation.getSentAt()).isEqualTo(late);
        assertThat(invitation.getExpiresAt()).isEqualTo(late.plus(TTL));
    }

    @Test
    void anAcceptedInvitationCanBeNeitherRevokedNorReissued() {
        invitation.accept(SENT.plusSeconds(60));

        assertThatThrownBy(() -> invitation.revoke(SENT.plusSeconds(61))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invitation.reissue("cd".repeat(32), SENT.plusSeconds(61), TTL)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNameIsKeptWithoutSurroundingBlanks() {
        assertThat(invitation.getDisplayName()).isEqualTo("Ann");
    }
}
