package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An organization keeps at least one active admin, and nobody manages an account with more rights
 * than their own: the refusals, on real PostgreSQL without a server (the accepted changes announce
 * themselves to other nodes after commit, which the HTTP tests cover).
 */
class UserServiceTest {

    private Organization acme;
    private User ann;

    @BeforeEach
    void anOrganizationWithOneAdmin() {
        acme = TestData.organization("Acme");
        ann = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", "hash", Role.ADMIN);
        Database.persist(ann);
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        assertRefused(users -> users.change(admin(), ann.getId(), Role.MEMBER, null, null), "last_admin");
    }

    @Test
    void theLastActiveAdminCannotBeDeactivated() {
        assertRefused(users -> users.deactivate(admin(), ann.getId()), "last_admin");
    }

    @Test
    void aPlatformAdminCannotBeManagedByAnOrganizationAdmin() {
        User root = User.platformAdmin(acme.getId(), "root-" + UUID.randomUUID() + "@acme.example", "hash");
        Database.persist(root);

        assertRefused(users -> users.change(admin(), root.getId(), null, null, "a new password"), "forbidden");
    }

    @Test
    void aRefusedChangeLeavesTheAccountAsItWas() {
        assertRefused(users -> users.change(admin(), ann.getId(), Role.MEMBER, false, null), "last_admin");

        User stored = Database.entityManagerFactory().createEntityManager().find(User.class, ann.getId());
        assertThat(stored.getRole()).isEqualTo(Role.ADMIN);
        assertThat(stored.isActive()).isTrue();
    }

    private Caller admin() {
        return new Caller(ann.getId(), null, acme.getId(), ann.getEmail(), CallerRole.of(Role.ADMIN, false));
    }

    private static void assertRefused(Consumer<UserService> change, String code) {
        assertThatThrownBy(() -> Database.inTransaction(em -> change.accept(new ServiceBeans(em).get(UserService.class))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
