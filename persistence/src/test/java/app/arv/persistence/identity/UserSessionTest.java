package app.arv.persistence.identity;

import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.persistence.identity.UserSession.Refresh;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSessionTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T06:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration IDLE = Duration.ofDays(7);

    private final UserSession session = new UserSession(UUID.randomUUID(), "Firefox", "203.0.113.7", OPENED, LIFETIME);
    private final RefreshToken first = new RefreshToken(session.getId(), "aa".repeat(32), OPENED);

    @Test
    void theCurrentTokenOfALiveSessionIsRotated() {
        assertThat(session.judge(first, OPENED.plusSeconds(60), IDLE)).isEqualTo(Refresh.ROTATE);
    }

    @Test
    void aRotatedTokenPresentedAgainAMomentLaterLosesTheRaceWithoutEndingTheSession() {
        session.rotated(first, OPENED.plusSeconds(60), "Firefox", "203.0.113.7");

        assertThat(session.judge(first, OPENED.plusSeconds(62), IDLE)).isEqualTo(Refresh.RACE_LOST);
    }

    @Test
    void aRotatedTokenPresentedAfterTheLeewayIsReuse() {
        session.rotated(first, OPENED.plusSeconds(60), "Firefox", "203.0.113.7");

        assertThat(session.judge(first, OPENED.plusSeconds(60).plus(UserSession.RACE_LEEWAY), IDLE)).isEqualTo(Refresh.REUSED);
    }

    @Test
    void anOlderTokenIsReuseEvenRightAfterTheNextRotation() {
        RefreshToken second = new RefreshToken(session.getId(), "bb".repeat(32), OPENED.plusSeconds(60));
        session.rotated(first, OPENED.plusSeconds(60), null, null);
        session.rotated(second, OPENED.plusSeconds(61), null, null);

        assertThat(session.judge(first, OPENED.plusSeconds(61), IDLE)).isEqualTo(Refresh.REUSED);
    }

    @Test
    void aRevokedSessionIsEndedWhateverTheToken() {
        session.revoke(OPENED.plusSeconds(10), EndReason.LOGOUT);

        assertThat(session.judge(first, OPENED.plusSeconds(11), IDLE)).isEqualTo(Refresh.ENDED);
        assertThat(session.getRevokedReason()).isEqualTo("LOGOUT");
    }

    @Test
    void aSessionEndsAtItsLifetimeHoweverOftenItIsUsed() {
        Instant nearTheEnd = OPENED.plus(LIFETIME).minusSeconds(1);
        session.rotated(first, nearTheEnd, null, null);

        assertThat(session.liveAt(nearTheEnd, IDLE)).isTrue();
        assertThat(session.liveAt(OPENED.plus(LIFETIME), IDLE)).isFalse();
    }

    @Test
    void aSessionUnusedForTheIdleTimeEnds() {
        assertThat(session.liveAt(OPENED.plus(IDLE).minusSeconds(1), IDLE)).isTrue();
        assertThat(session.judge(first, OPENED.plus(IDLE), IDLE)).isEqualTo(Refresh.ENDED);
    }

    @Test
    void aUseKeepsTheSessionFromIdling() {
        session.rotated(first, OPENED.plus(Duration.ofDays(6)), null, null);

        assertThat(session.liveAt(OPENED.plus(Duration.ofDays(12)), IDLE)).isTrue();
    }

    @Test
    void aTokenIsExchangedOnlyOnce() {
        session.rotated(first, OPENED.plusSeconds(1), null, null);

        assertThatThrownBy(() -> session.rotated(first, OPENED.plusSeconds(2), null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotationRecordsTheDeviceLastSeen() {
        session.rotated(first, OPENED.plusSeconds(30), "x".repeat(600), "198.51.100.4");

        assertThat(session.getLastUsedAt()).isEqualTo(OPENED.plusSeconds(30));
        assertThat(session.getUserAgent()).hasSize(UserSession.USER_AGENT_MAX);
        assertThat(session.getClientAddress()).isEqualTo("198.51.100.4");
    }

    @Test
    void anotherSessionsTokenIsNotJudgedHere() {
        RefreshToken foreign = new RefreshToken(UUID.randomUUID(), "cc".repeat(32), OPENED);

        assertThatThrownBy(() -> session.judge(foreign, OPENED, IDLE)).isInstanceOf(IllegalArgumentException.class);
    }
}
