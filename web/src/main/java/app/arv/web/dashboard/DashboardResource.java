package app.arv.web.dashboard;

import app.arv.dashboard.Dashboard;
import app.arv.generation.GenerationAdmin;
import app.arv.persistence.dashboard.DashboardRepository.Activity;
import app.arv.persistence.dashboard.DashboardRepository.DayThroughput;
import app.arv.persistence.dashboard.DashboardRepository.DayViews;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.web.ApiDescription;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The organization at a glance: what the console's dashboard shows, for any API client too. */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource implements ApiDescription.Admin {

    @Inject
    Dashboard dashboard;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My organization in figures: projects, AR content by marker status and verdict, viewer views (all "
            + "time as 'views', the last 30 days (UTC, today included) as 'views_last_30_days' and per day as 'views_per_day'), "
            + "generation jobs by status, items finished per day (last 14 days, UTC), recent activity; platform admins "
            + "also get this node's system information (queues, consumers, DLQ, circuit breakers) as 'system'")
    public DashboardView get() {
        return DashboardView.of(dashboard.of(caller.get()));
    }

    /**
     * Every status appears, with 0 when none is in it, so a client draws the same bars every time.
     *
     * @param verdicts marker quality verdicts ({@code good}, {@code weak}, {@code unusable}; {@code none}: not rated yet)
     * @param views viewer page views of all the organization's content
     * @param viewsLast30Days the same in the last 30 days (UTC, today included)
     * @param viewsPerDay each of those 30 days, oldest first, 0 where nobody looked
     */
    public record DashboardView(long projects, Map<String, Long> arContentByMarkerStatus, Map<String, Long> verdicts,
            long views, @JsonbProperty("views_last_30_days") long viewsLast30Days, List<ViewDay> viewsPerDay, Map<String, Long> generationsByStatus,
            List<Day> throughput, List<ActivityView> recentActivity,
            GenerationAdmin.SystemInfo system, Instant generatedAt) {

        static DashboardView of(Dashboard.Figures f) {
            return new DashboardView(f.projects(), every(MarkerStatus.values(), f.arContentByMarkerStatus()), f.verdicts(),
                    f.views(), f.viewsLast30Days(), f.viewsPerDay().stream().map(ViewDay::of).toList(),
                    every(GenerationStatus.values(), f.generationsByStatus()),
                    f.throughput().stream().map(Day::of).toList(),
                    f.recentActivity().stream().map(ActivityView::of).toList(), f.system(), f.generatedAt());
        }

        private static Map<String, Long> every(Enum<?>[] statuses, Map<String, Long> counts) {
            Map<String, Long> all = new LinkedHashMap<>();
            for (Enum<?> status : statuses) {
                all.put(SnakeCaseEnum.name(status), counts.getOrDefault(status.name(), 0L));
            }
            return all;
        }
    }

    public record Day(LocalDate day, long completed, long failed) {

        static Day of(DayThroughput d) {
            return new Day(d.day(), d.completed(), d.failed());
        }
    }

    public record ViewDay(LocalDate day, long views) {

        static ViewDay of(DayViews d) {
            return new ViewDay(d.day(), d.views());
        }
    }

    /** @param kind {@code ar_content} (label: its title) or {@code generation} (label: its number of items) */
    public record ActivityView(String kind, UUID id, String label, String status, Instant at) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.kind(), a.id(), a.label(), a.status().toLowerCase(Locale.ROOT), a.at());
        }
    }
}
