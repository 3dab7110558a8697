package app.arv.dashboard;

import app.arv.persistence.dashboard.DashboardRepository.DayViews;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's charts want every day of their window. */
class DashboardTest {

    @Test
    void viewsPerDayHaveEveryDayOfTheWindowWithZeroWhereNobodyLooked() {
        LocalDate last = LocalDate.of(2026, 12, 1);
        LocalDate first = last.minusDays(29);

        List<DayViews> days = Dashboard.everyDayViews(List.of(new DayViews(last.minusDays(2), 4), new DayViews(last, 1)), first, last);

        assertThat(days).hasSize(30);
        assertThat(days.get(0)).isEqualTo(new DayViews(first, 0));
        assertThat(days.subList(27, 30)).containsExactly(new DayViews(last.minusDays(2), 4), new DayViews(last.minusDays(1), 0),
                new DayViews(last, 1));
    }
}
