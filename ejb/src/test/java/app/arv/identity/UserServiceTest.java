package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.NothingAfterCommit;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An organization keeps at least one active admin, also when two changes each take one away at once; nobody
 * manages an account with more rights than their own; an address has one account, also when two admins add it at
 * once: the refusals, on real PostgreSQL without a server (the accepted changes announce themselves to other nodes
 * after commit, which the HTTP tests cover).
 */
class UserServiceTest {

    private Organization acme;
    private User ann;

    @BeforeEach
    void anOrganizationWithOneAdmin() {
        acme = TestData.organization("Acme");
        ann = TestData.person(acme, "Ann", Role.ADMIN);
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

        User stored = Database.result(em -> em.find(User.class, ann.getId()));
        assertThat(stored.getRole()).isEqualTo(Role.ADMIN);
        assertThat(stored.isActive()).isTrue();
    }

    @Test
    void ofTwoAdminsTakenAwayAtOnceTheSecondIsRefusedAsTheLast() throws Exception {
        User bob = TestData.person(acme, "Bob", Role.ADMIN);

        Future<?> second = Database.whileTheFirstIsOpen(em -> users(em).change(callerOf(bob), ann.getId(), Role.MEMBER, null, null),
                () -> Database.inTransaction(em -> users(em).deactivate(callerOf(ann), bob.getId())));

        Throwable refusal = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
        assertThat(refusal).as("how the second change ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("last_admin"));
        Database.inTransaction(em -> assertThat(new ServiceBeans(em).get(UserRepository.class).countActiveAdmins(acme.getId()))
                .isEqualTo(1));
    }

    @Test
    void ofTwoAdditionsOfOneAddressAtOnceTheSecondIsRefusedAsTaken() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@acme.example";

        Future<?> second = Database.whileTheFirstIsOpen(em -> users(em).invite(admin(), email, "a-strong-new-password-1", Role.MEMBER),
                () -> Database.inTransaction(em -> users(em).invite(admin(), email, "another-strong-password-2", Role.ADMIN)));

        Throwable refusal = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
        assertThat(refusal).as("how the second addition ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("email_taken"));
        Database.inTransaction(em -> assertThat(new ServiceBeans(em).get(UserRepository.class).findByEmail(email))
                .hasValueSatisfying(user -> assertThat(user.getRole()).isEqualTo(Role.MEMBER)));
    }

    @Test
    void aWeakPasswordIsRefusedAsWeakAlsoForAnAddressWithAnAccountInAnotherOrganization() {
        Organization elsewhere = TestData.organization("Elsewhere");
        User taken = TestData.person(elsewhere, "Zoe", Role.MEMBER);

        assertRefused(users -> users.invite(admin(), taken.getEmail(), "qwertyuiop", Role.MEMBER), "weak_password");
    }

    private Caller admin() {
        return callerOf(ann);
    }

    private Caller callerOf(User user) {
        return Callers.signedIn(user);
    }

    /** The service as the container builds it; what it announces after a commit is the HTTP tests' to check. */
    private static UserService users(EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4)).with(AfterCommit.class, new NothingAfterCommit()).get(UserService.class);
    }

    private static void assertRefused(Consumer<UserService> change, String code) {
        assertThatThrownBy(() -> Database.inTransaction(em -> change.accept(users(em))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
