package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRepositoryTest extends TwoTenantsTest {

    private final UserRepository users = new UserRepository();
    private final String email = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";

    @Test
    void signInFindsAUserWhateverTheCaseOfTheEmail() {
        Database.persist(new User(acme.getId(), email, "hash", Role.MEMBER));

        Database.inTransaction(em -> {
            Repositories.on(em, users);
            assertThat(users.findByEmail(email.toUpperCase())).map(User::getOrganizationId).contains(acme.getId());
        });
    }

    @Test
    void theDatabaseRefusesTheSameEmailTwiceEvenInAnotherCase() {
        Database.persist(new User(acme.getId(), email, "hash", Role.MEMBER));

        assertThatThrownBy(() -> Database.inTransaction(em -> {
            em.persist(new User(globex.getId(), email.toUpperCase(), "hash", Role.MEMBER));
            em.flush();
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void anotherOrganizationsUserIsNotFoundById() {
        User ann = new User(acme.getId(), email, "hash", Role.ADMIN);
        Database.persist(ann);

        Database.inTransaction(em -> {
            Repositories.on(em, users);
            assertThat(users.find(globex.getId(), ann.getId())).isEmpty();
            assertThat(users.find(acme.getId(), ann.getId())).isPresent();
        });
    }

    @Test
    void onlyActiveAdminsCountAsAdmins() {
        User active = new User(acme.getId(), email, "hash", Role.ADMIN);
        User inactive = new User(acme.getId(), "b-" + email, "hash", Role.ADMIN);
        inactive.setActive(false);
        Database.persist(active, inactive, new User(acme.getId(), "c-" + email, "hash", Role.MEMBER));

        Database.inTransaction(em -> {
            Repositories.on(em, users);
            assertThat(users.countActiveAdmins(acme.getId())).isEqualTo(1);
        });
    }
}
