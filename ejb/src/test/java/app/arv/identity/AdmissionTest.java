package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may be let in, on real PostgreSQL: an active person of an active organization, and why anybody else is not. */
class AdmissionTest {

    private Organization acme;
    private User ann;

    @BeforeEach
    void anActivePersonOfAnActiveOrganization() {
        acme = TestData.organization("Acme");
        ann = TestData.person(acme, "Ann", Role.MEMBER);
    }

    @Test
    void anActivePersonOfAnActiveOrganizationIsLetIn() {
        assertThat(refusalOf(ann)).isEmpty();
    }

    @Test
    void aDeactivatedPersonIsRefusedForTheirAccount() {
        ann.setActive(false);

        assertThat(refusalOf(ann)).contains(Admission.Refusal.ACCOUNT_DEACTIVATED);
    }

    @Test
    void anActivePersonOfADeactivatedOrganizationIsRefusedForTheOrganization() {
        deactivate(acme);

        assertThat(refusalOf(ann)).contains(Admission.Refusal.ORGANIZATION_DEACTIVATED);
    }

    @Test
    void aDeactivatedPersonOfADeactivatedOrganizationIsRefusedForTheirAccountFirst() {
        ann.setActive(false);
        deactivate(acme);

        assertThat(refusalOf(ann)).contains(Admission.Refusal.ACCOUNT_DEACTIVATED);
    }

    private static Optional<Admission.Refusal> refusalOf(User user) {
        return Database.result(em -> new ServiceBeans(em).get(Admission.class).refusalOf(user));
    }

    private static void deactivate(Organization organization) {
        Database.inTransaction(em -> em.find(Organization.class, organization.getId()).setActive(false));
    }
}
