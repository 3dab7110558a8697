package app.arv.persistence.identity;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** When a change to an account takes an active admin away from its organization. */
class UserTest {

    private final User admin = new User(UUID.randomUUID(), "ann@acme.example", "hash", Role.ADMIN);

    @Test
    void demotingAnActiveAdminTakesAnAdminAway() {
        assertThat(admin.wouldStopBeingAnActiveAdmin(Role.MEMBER, null)).isTrue();
    }

    @Test
    void deactivatingAnActiveAdminTakesAnAdminAway() {
        assertThat(admin.wouldStopBeingAnActiveAdmin(null, false)).isTrue();
    }

    @Test
    void keepingTheAdminRoleAndActivityTakesNothingAway() {
        assertThat(admin.wouldStopBeingAnActiveAdmin(Role.ADMIN, true)).isFalse();
        assertThat(admin.wouldStopBeingAnActiveAdmin(null, null)).isFalse();
    }

    @Test
    void anInactiveAdminIsNoActiveAdminToLose() {
        admin.setActive(false);

        assertThat(admin.wouldStopBeingAnActiveAdmin(Role.MEMBER, null)).isFalse();
    }

    @Test
    void aMemberIsNoAdminToLose() {
        User member = new User(UUID.randomUUID(), "bob@acme.example", "hash", Role.MEMBER);

        assertThat(member.wouldStopBeingAnActiveAdmin(Role.MEMBER, false)).isFalse();
    }

    @Test
    void aNewPasswordIsStampedToTheMillisecondSoOlderTokensCanBeRefused() {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        admin.changePasswordHash("new-hash");

        assertThat(admin.getPasswordChangedAt()).isBetween(before, java.time.Instant.now());
        assertThat(admin.getPasswordChangedAt().getNano() % 1_000_000).isZero();
    }

    @Test
    void aPasswordNeverChangedHasNoStamp() {
        assertThat(admin.getPasswordChangedAt()).isNull();
    }
}
