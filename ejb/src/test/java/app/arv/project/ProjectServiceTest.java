package app.arv.project;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The project rules the service holds, on real PostgreSQL and without a server. */
class ProjectServiceTest {

    private Organization acme;
    private Caller member;

    @BeforeEach
    void anOrganizationAndOneOfItsMembers() {
        acme = TestData.organization("Acme");
        member = Callers.memberOf(acme.getId());
    }

    private static ProjectService projects(EntityManager em) {
        return new ServiceBeans(em).with(MetricRegistry.class, new CountedMetrics().registry()).get(ProjectService.class);
    }

    @Test
    void ofTwoProjectsGivenOneNameAtOnceTheSecondIsRefusedAsTaken() throws Exception {
        Future<?> second = Database.whileTheFirstIsOpen(em -> projects(em).create(member, "Wedding", null),
                () -> Database.inTransaction(em -> projects(em).create(member, "Wedding", "again")));

        Throwable refusal = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
        assertThat(refusal).as("how the second creation ended").cause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("project_name_taken"));
        Database.inTransaction(em -> assertThat(em.createQuery("SELECT p FROM Project p WHERE p.organizationId = :org",
                Project.class).setParameter("org", acme.getId()).getResultList())
                .singleElement().satisfies(p -> assertThat(p.getDescription()).isNull()));
    }

    @Test
    void aRenameAndADescriptionChangeMadeAtOnceBothStay() throws Exception {
        Project wedding = new Project(acme.getId(), "Wedding", "Before");
        Database.persist(wedding);

        Future<?> describing = Database.whileTheFirstIsOpen(em -> projects(em).change(member, wedding.getId(), "Wedding 2027", null),
                () -> Database.inTransaction(em -> projects(em).change(member, wedding.getId(), null, "After")));
        describing.get(30, TimeUnit.SECONDS);

        Database.inTransaction(em -> assertThat(em.find(Project.class, wedding.getId())).satisfies(p -> {
            assertThat(p.getName()).isEqualTo("Wedding 2027");
            assertThat(p.getDescription()).isEqualTo("After");
        }));
    }
}
