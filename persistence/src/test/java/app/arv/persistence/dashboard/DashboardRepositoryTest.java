package app.arv.persistence.dashboard;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.dashboard.DashboardRepository.DayViews;
import app.arv.persistence.marker.ArContent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardRepositoryTest extends TwoTenantsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final DashboardRepository dashboard = new DashboardRepository();

    @Test
    void viewsPerDayAddUpTheOrganizationsContentFromTheFirstDayOn() {
        ArContent anna = TestData.storedContent(acme);
        ArContent boris = TestData.storedContent(acme);
        views(anna, TODAY.minusDays(30), 4);
        views(anna, TODAY.minusDays(2), 1);
        views(boris, TODAY.minusDays(2), 2);
        views(boris, TODAY, 3);

        assertThat(viewsPerDay(acme.getId(), TODAY.minusDays(29)))
                .containsExactly(new DayViews(TODAY.minusDays(2), 3), new DayViews(TODAY, 3));
    }

    @Test
    void viewsPerDayLeaveOtherOrganizationsOut() {
        views(TestData.storedContent(globex), TODAY, 5);
        views(TestData.storedContent(acme), TODAY, 1);

        assertThat(viewsPerDay(acme.getId(), TODAY)).containsExactly(new DayViews(TODAY, 1));
    }

    private static void views(ArContent content, LocalDate day, long views) {
        Database.inTransaction(em -> em.createNativeQuery("INSERT INTO ar_content_daily_views"
                + " (organization_id, ar_content_id, day, views) VALUES (:org, :id, :day, :views)")
                .setParameter("org", content.getOrganizationId()).setParameter("id", content.getId())
                .setParameter("day", day).setParameter("views", views).executeUpdate());
    }

    private List<DayViews> viewsPerDay(UUID organizationId, LocalDate first) {
        return Database.result(em -> {
            dashboard.em = em;
            return dashboard.viewsPerDay(organizationId, first);
        });
    }
}
