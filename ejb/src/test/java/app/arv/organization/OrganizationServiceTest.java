package app.arv.organization;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.NothingAfterCommit;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The platform operators' organization rules the service holds, on real PostgreSQL and without a server; what is
 * announced to other nodes after a commit is left to the HTTP tests.
 */
class OrganizationServiceTest {

    private Organization acme;
    private Caller operator;

    @BeforeEach
    void anOrganizationAndAnOperator() {
        acme = TestData.organization("Acme");
        operator = new Caller(UUID.randomUUID(), null, UUID.randomUUID(), "operator", Set.of(CallerRole.PLATFORM_ADMIN));
    }

    private static OrganizationService organizations(EntityManager em) {
        return new ServiceBeans(em).with(MetricRegistry.class, new CountedMetrics().registry())
                .with(AfterCommit.class, new NothingAfterCommit())
                .get(OrganizationService.class);
    }

    @Test
    void aRenameAndADeactivationMadeAtOnceBothStay() throws Exception {
        Future<?> deactivating = Database.whileTheFirstIsOpen(em -> organizations(em).change(operator, acme.getId(), "Acme Corp", null),
                () -> Database.inTransaction(em -> organizations(em).change(operator, acme.getId(), null, false)));
        deactivating.get(30, TimeUnit.SECONDS);

        Database.inTransaction(em -> assertThat(em.find(Organization.class, acme.getId())).satisfies(o -> {
            assertThat(o.getName()).isEqualTo("Acme Corp");
            assertThat(o.isActive()).isFalse();
        }));
    }

    @Test
    void ofTwoOrganizationsOpenedWithOneSlugAtOnceTheSecondIsRefusedAsTaken() throws Exception {
        String slug = "globex-" + UUID.randomUUID().toString().substring(0, 8);

        Future<?> second = Database.whileTheFirstIsOpen(em -> organizations(em).open(operator, "Globex", slug, null),
                () -> Database.inTransaction(em -> organizations(em).open(operator, "Globex again", slug, null)));

        assertThat(catchThrowable(() -> second.get(30, TimeUnit.SECONDS))).as("how the second opening ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("slug_taken"));
    }

    @Test
    void ofTwoOrganizationsOpenedWithOneFirstAdminAddressAtOnceTheSecondIsRefusedAsTaken() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrganizationService.FirstAdmin admin = new OrganizationService.FirstAdmin("admin-" + suffix + "@example.com", "a long enough secret");

        Future<?> second = Database.whileTheFirstIsOpen(em -> organizations(em).open(operator, "Initech", "initech-" + suffix, admin),
                () -> Database.inTransaction(em -> organizations(em).open(operator, "Initrode", "initrode-" + suffix, admin)));

        assertThat(catchThrowable(() -> second.get(30, TimeUnit.SECONDS))).as("how the second opening ended").cause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("email_taken"));
    }
}
