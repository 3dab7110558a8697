package app.arv.persistence.marker;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ArContentViewRepositoryTest extends TwoTenantsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final ArContentViewRepository views = new ArContentViewRepository();
    private ArContent acmeContent;
    private ArContent globexContent;

    @BeforeEach
    void oneContentEach() {
        acmeContent = TestData.storedContent(acme);
        globexContent = TestData.storedContent(globex);
    }

    @Test
    void eachCountedViewAddsOneToTheTotalAndToItsDay() {
        count(acmeContent, TODAY.minusDays(1));
        count(acmeContent, TODAY);
        count(acmeContent, TODAY);

        assertThat(total(acmeContent)).isEqualTo(3);
        assertThat(dailyViews(acme.getId(), TODAY.minusDays(29)))
                .containsExactly("2026-11-30=1", "2026-12-01=2");
    }

    @Test
    void viewsSinceADayLeaveOutTheDaysBefore() {
        count(acmeContent, TODAY.minusDays(30));
        count(acmeContent, TODAY.minusDays(29));
        count(acmeContent, TODAY);

        assertThat(since(acme.getId(), acmeContent.getId(), TODAY.minusDays(29))).isEqualTo(2);
        assertThat(total(acmeContent)).isEqualTo(3);
    }

    @Test
    void concurrentViewsOfOneContentAreAllCounted() throws Exception {
        int viewers = 8;
        int viewsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                done.add(pool.submit(() -> {
                    for (int v = 0; v < viewsEach; v++) {
                        count(acmeContent, TODAY);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(total(acmeContent)).isEqualTo(viewers * viewsEach);
        assertThat(since(acme.getId(), acmeContent.getId(), TODAY)).isEqualTo(viewers * viewsEach);
    }

    @Test
    void anOrganizationSeesOnlyItsOwnViews() {
        count(acmeContent, TODAY);
        count(globexContent, TODAY);
        count(globexContent, TODAY);

        assertThat(dailyViews(acme.getId(), TODAY)).containsExactly("2026-12-01=1");
        assertThat(dailyViews(globex.getId(), TODAY)).containsExactly("2026-12-01=2");
        assertThat(since(acme.getId(), globexContent.getId(), TODAY)).isZero();
    }

    @Test
    void aViewOfUnknownContentCountsNothing() {
        Database.inTransaction(em -> {
            views.em = em;
            views.count(UUID.randomUUID(), TODAY);
        });

        assertThat(dailyViews(acme.getId(), TODAY)).isEmpty();
    }

    @Test
    void theDailyViewsGoWithTheirContent() {
        count(acmeContent, TODAY);

        Database.inTransaction(em -> em.remove(em.find(ArContent.class, acmeContent.getId())));

        assertThat(dailyViews(acme.getId(), TODAY)).isEmpty();
    }

    private void count(ArContent content, LocalDate day) {
        ArContentViewRepository repository = new ArContentViewRepository();
        Database.inTransaction(em -> {
            repository.em = em;
            repository.count(content.getId(), day);
        });
    }

    private static long total(ArContent content) {
        return Database.result(em -> em.find(ArContent.class, content.getId()).getViewsCount());
    }

    private long since(UUID organizationId, UUID contentId, LocalDate first) {
        return Database.result(em -> {
            views.em = em;
            return views.since(organizationId, contentId, first);
        });
    }

    /** The organization's daily rows from {@code first} on, as "day=views". */
    private static List<String> dailyViews(UUID organizationId, LocalDate first) {
        List<String> days = new ArrayList<>();
        Database.inTransaction(em -> {
            for (Object row : em.createNativeQuery("SELECT CAST(day AS varchar), views FROM ar_content_daily_views"
                    + " WHERE organization_id = :org AND day >= :first ORDER BY day")
                    .setParameter("org", organizationId).setParameter("first", first).getResultList()) {
                Object[] cells = (Object[]) row;
                days.add(cells[0] + "=" + cells[1]);
            }
        });
        return days;
    }
}
