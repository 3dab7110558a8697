package app.arv.dashboard;

import app.arv.generation.GenerationAdmin;
import app.arv.marker.RecentViews;
import app.arv.persistence.dashboard.DashboardRepository;
import app.arv.persistence.dashboard.DashboardRepository.Activity;
import app.arv.persistence.dashboard.DashboardRepository.DayThroughput;
import app.arv.persistence.dashboard.DashboardRepository.DayViews;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One organization at a glance, read in one short transaction; platform admins also see the node's system information. */
@Stateless
public class Dashboard {

    /** Days of generation throughput shown, today included. */
    public static final int THROUGHPUT_DAYS = 14;
    static final int RECENT_ACTIVITY = 10;

    @Inject
    DashboardRepository figures;

    @Inject
    GenerationAdmin generationAdmin;

    public Figures of(Caller caller) {
        var org = caller.organizationId();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        LocalDate first = today.minusDays(THROUGHPUT_DAYS - 1L);
        LocalDate firstViewDay = RecentViews.firstDay(today);
        List<DayViews> viewsPerDay = everyDayViews(figures.viewsPerDay(org, firstViewDay), firstViewDay, today);
        return new Figures(figures.projects(org), figures.arContentByMarkerStatus(org), figures.arContentByVerdict(org),
                figures.views(org), viewsPerDay.stream().mapToLong(DayViews::views).sum(), viewsPerDay,
                figures.generationsByStatus(org),
                everyDay(figures.throughput(org, first.atStartOfDay(ZoneOffset.UTC).toInstant()), first, today),
                figures.recentActivity(org, RECENT_ACTIVITY),
                caller.has(CallerRole.PLATFORM_ADMIN) ? generationAdmin.systemInfo() : null, Instant.now());
    }

    /** A chart wants every day, also those on which nothing finished. */
    static List<DayThroughput> everyDay(List<DayThroughput> busyDays, LocalDate first, LocalDate last) {
        List<DayThroughput> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate wanted = day;
            days.add(busyDays.stream().filter(d -> d.day().equals(wanted)).findFirst()
                    .orElse(new DayThroughput(wanted, 0, 0)));
        }
        return days;
    }

    /** The same for views: every day of the window, 0 where nobody looked. */
    static List<DayViews> everyDayViews(List<DayViews> busyDays, LocalDate first, LocalDate last) {
        List<DayViews> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate wanted = day;
            days.add(busyDays.stream().filter(d -> d.day().equals(wanted)).findFirst().orElse(new DayViews(wanted, 0)));
        }
        return days;
    }

    /**
     * @param views all-time viewer views of the organization's content
     * @param viewsLast30Days the same in the last {@value RecentViews#DAYS} days (UTC, today included)
     * @param viewsPerDay each of those days, oldest first
     * @param system this node's system information, for platform admins only (null otherwise)
     */
    public record Figures(long projects, Map<String, Long> arContentByMarkerStatus, Map<String, Long> verdicts, long views,
            long viewsLast30Days, List<DayViews> viewsPerDay, Map<String, Long> generationsByStatus, List<DayThroughput> throughput,
            List<Activity> recentActivity,
            GenerationAdmin.SystemInfo system, Instant generatedAt) {
    }
}
