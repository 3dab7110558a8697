package app.arv.security;

import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import org.junit.jupiter.api.Test;

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
    void anAdminScopedKeyNeverCarriesPlatformRights() {
        assertThat(CallerRole.of(ApiKeyScope.ADMIN)).doesNotContain(CallerRole.PLATFORM_ADMIN).contains(CallerRole.ORG_ADMIN);
        assertThat(CallerRole.of(ApiKeyScope.USER)).containsExactly(CallerRole.MEMBER);
    }
}
