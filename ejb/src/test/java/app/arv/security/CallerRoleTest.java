package app.arv.security;

import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerRoleTest {

    @Test
    void aMemberIsOnlyAMember() {
        assertThat(CallerRole.of(Role.MEMBER, false)).containsExactly(CallerRole.MEMBER);
    }

    @Test
    void anAdminIsAlsoAMember() {
        assertThat(CallerRole.of(Role.ADMIN, false)).containsExactlyInAnyOrder(CallerRole.MEMBER, CallerRole.ORG_ADMIN);
    }

    @Test
    void aPlatformAdminHoldsAllThreeRoles() {
        assertThat(CallerRole.of(Role.ADMIN, true))
                .containsExactlyInAnyOrder(CallerRole.MEMBER, CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN);
    }

    @Test
    void aPersonHoldsTheRolesOfTheirRoleAndTheirPlatformRights() {
        User platformAdmin = User.platformAdmin(UUID.randomUUID(), "root@arv.example", "hash");
        User member = new User(UUID.randomUUID(), "ann@acme.example", "hash", Role.MEMBER);

        assertThat(CallerRole.of(platformAdmin)).isEqualTo(CallerRole.of(platformAdmin.getRole(), true));
        assertThat(CallerRole.of(member)).containsExactly(CallerRole.MEMBER);
    }

    @Test
    void anAdminScopedKeyNeverCarriesPlatformRights() {
        assertThat(CallerRole.of(ApiKeyScope.ADMIN)).doesNotContain(CallerRole.PLATFORM_ADMIN).contains(CallerRole.ORG_ADMIN);
        assertThat(CallerRole.of(ApiKeyScope.USER)).containsExactly(CallerRole.MEMBER);
    }
}
