package app.arv.security;

import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleOrganizationsTest {

    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void aPlatformAdminSeesEveryOrganization() {
        VisibleOrganizations visible = person(CallerRole.of(Role.ADMIN, true)).visibleOrganizations();

        assertThat(visible.every()).isTrue();
        assertThat(visible.narrowedTo()).isNull();
        assertThat(visible.include(OWN)).isTrue();
        assertThat(visible.include(OTHER)).isTrue();
    }

    @Test
    void aPlatformAdminSeesWhatBelongsToNoOrganization() {
        assertThat(person(CallerRole.of(Role.ADMIN, true)).visibleOrganizations().include(null)).isTrue();
    }

    @Test
    void anOrganizationAdminSeesTheirOwnOrganizationOnly() {
        VisibleOrganizations visible = person(CallerRole.of(Role.ADMIN, false)).visibleOrganizations();

        assertThat(visible.every()).isFalse();
        assertThat(visible.narrowedTo()).isEqualTo(OWN);
        assertThat(visible.include(OWN)).isTrue();
        assertThat(visible.include(OTHER)).isFalse();
        assertThat(visible.include(null)).isFalse();
    }

    @Test
    void anAdminKeySeesItsOwnOrganizationOnly() {
        VisibleOrganizations visible = new Caller(null, UUID.randomUUID(), OWN, "ci", CallerRole.of(ApiKeyScope.ADMIN))
                .visibleOrganizations();

        assertThat(visible.every()).isFalse();
        assertThat(visible.include(OTHER)).isFalse();
    }

    private static Caller person(Set<String> roles) {
        return new Caller(UUID.randomUUID(), null, OWN, "ann@acme.example", roles);
    }
}
