package app.arv.persistence.project;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import app.arv.persistence.shared.SearchText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectRepositoryTest extends TwoTenantsTest {

    private final ProjectRepository projects = new ProjectRepository();

    @Test
    void anotherOrganizationsProjectIsNotFoundById() {
        Project poster = new Project(acme.getId(), "Poster campaign", null);
        Database.persist(poster);

        Database.inTransaction(em -> {
            Repositories.on(em, projects);
            assertThat(projects.find(globex.getId(), poster.getId())).isEmpty();
            assertThat(projects.find(acme.getId(), poster.getId())).map(Project::getName).contains("Poster campaign");
        });
    }

    @Test
    void listingShowsOnlyTheCallersOrganizationInCreationOrder() {
        Database.persist(new Project(acme.getId(), "First", null), new Project(globex.getId(), "Theirs", null));
        Database.persist(new Project(acme.getId(), "Second", "printed in May"));

        Database.inTransaction(em -> {
            Repositories.on(em, projects);
            var page = projects.list(acme.getId(), new PageRequest(10, 0));
            assertThat(page.items()).extracting(Project::getName).containsExactly("First", "Second");
            assertThat(page.total()).isEqualTo(2);
        });
    }

    @Test
    void aSearchFindsProjectsByPartOfTheirNameOrDescriptionOnlyInTheCallersOrganization() {
        Database.persist(new Project(acme.getId(), "Spring catalogue", null), new Project(acme.getId(), "Posters", "SPRING sale"),
                new Project(acme.getId(), "Autumn", null), new Project(globex.getId(), "Spring too", null));

        Database.inTransaction(em -> {
            Repositories.on(em, projects);
            var page = projects.search(acme.getId(), SearchText.of("spring"), new PageRequest(10, 0));
            assertThat(page.items()).extracting(Project::getName).containsExactly("Spring catalogue", "Posters");
            assertThat(page.total()).isEqualTo(2);
            assertThat(projects.search(acme.getId(), SearchText.of(""), new PageRequest(10, 0)).total()).isEqualTo(3);
        });
    }

    @Test
    void aProjectNameIsTakenOnlyWithinItsOwnOrganization() {
        Database.persist(new Project(acme.getId(), "Catalogue", null));

        Database.inTransaction(em -> {
            Repositories.on(em, projects);
            assertThat(projects.nameTaken(acme.getId(), "Catalogue", null)).isTrue();
            assertThat(projects.nameTaken(globex.getId(), "Catalogue", null)).isFalse();
        });
    }

    @Test
    void pagingReturnsTheRequestedSliceAndTheFullTotal() {
        Database.inTransaction(em -> {
            for (int i = 1; i <= 5; i++) {
                em.persist(new Project(acme.getId(), "Project " + i, null));
                em.flush();
            }
        });

        Database.inTransaction(em -> {
            Repositories.on(em, projects);
            var page = projects.list(acme.getId(), new PageRequest(2, 2));
            assertThat(page.items()).hasSize(2);
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.offset()).isEqualTo(2);
        });
    }
}
