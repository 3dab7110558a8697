package app.arv.persistence.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's figures of one organization, each one grouped query (the indexes by organization serve them).
 * Native SQL: the groupings (by day, a union of two kinds of activity) read plainer than their JPQL.
 */
@ApplicationScoped
public class DashboardRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public long projects(UUID organizationId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM project WHERE organization_id = :org")
                .setParameter("org", organizationId).getSingleResult()).longValue();
    }

    /** AR content per marker status (upper case, as stored). */
    public Map<String, Long> arContentByMarkerStatus(UUID organizationId) {
        return grouped("SELECT marker_status, COUNT(*) FROM ar_content WHERE organization_id = :org GROUP BY marker_status",
                organizationId);
    }

    /** AR content per quality verdict of its marker; content not rated yet under {@code none}. */
    public Map<String, Long> arContentByVerdict(UUID organizationId) {
        return grouped("SELECT COALESCE(marker_verdict, 'none'), COUNT(*) FROM ar_content WHERE organization_id = :org"
                + " GROUP BY COALESCE(marker_verdict, 'none')", organizationId);
    }

    /** Viewer page views of all the organization's content, since each was created. */
    public long views(UUID organizationId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(views_count), 0) FROM ar_content WHERE organization_id = :org")
                .setParameter("org", organizationId).getSingleResult()).longValue();
    }

    /** Viewer views of the organization's content on each day (UTC) from {@code firstDay} on; days without any are absent. */
    public List<DayViews> viewsPerDay(UUID organizationId, LocalDate firstDay) {
        List<?> rows = em.createNativeQuery("SELECT day, SUM(views) FROM ar_content_daily_views"
                + " WHERE organization_id = :org AND day >= :first GROUP BY day ORDER BY day")
                .setParameter("org", organizationId).setParameter("first", firstDay).getResultList();
        List<DayViews> days = new ArrayList<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            days.add(new DayViews(day(cells[0]), ((Number) cells[1]).longValue()));
        }
        return days;
    }

    /** Generation jobs per status (upper case, as stored). */
    public Map<String, Long> generationsByStatus(UUID organizationId) {
        return grouped("SELECT status, COUNT(*) FROM generation_job WHERE organization_id = :org GROUP BY status", organizationId);
    }

    /** Generation items that finished each day (UTC) since {@code since}, completed and failed apart; days without any are absent. */
    public List<DayThroughput> throughput(UUID organizationId, Instant since) {
        List<?> rows = em.createNativeQuery("SELECT CAST(date_trunc('day', finished_at AT TIME ZONE 'UTC') AS date) AS day,"
                + " COUNT(*) FILTER (WHERE status = 'COMPLETED'), COUNT(*) FILTER (WHERE status = 'FAILED')"
                + " FROM generation_item WHERE organization_id = :org AND finished_at >= :since GROUP BY day ORDER BY day")
                .setParameter("org", organizationId).setParameter("since", since).getResultList();
        List<DayThroughput> days = new ArrayList<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            days.add(new DayThroughput(day(cells[0]), ((Number) cells[1]).longValue(), ((Number) cells[2]).longValue()));
        }
        return days;
    }

    /** The latest AR content and generation jobs together, newest first. */
    public List<Activity> recentActivity(UUID organizationId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT * FROM ("
                + " SELECT 'ar_content' AS kind, id, title AS label, marker_status AS status, created_at FROM ar_content"
                + " WHERE organization_id = :org ORDER BY created_at DESC LIMIT :limit) c UNION ALL SELECT * FROM ("
                + " SELECT 'generation', id, CAST(item_count AS varchar), status, created_at FROM generation_job"
                + " WHERE organization_id = :org ORDER BY created_at DESC LIMIT :limit) g ORDER BY created_at DESC LIMIT :limit")
                .setParameter("org", organizationId).setParameter("limit", limit).getResultList();
        List<Activity> activity = new ArrayList<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            activity.add(new Activity((String) cells[0], (UUID) cells[1], (String) cells[2], (String) cells[3], instant(cells[4])));
        }
        return activity;
    }

    public record DayThroughput(LocalDate day, long completed, long failed) {
    }

    public record DayViews(LocalDate day, long views) {
    }

    /** @param label the content's title, or a job's item count */
    public record Activity(String kind, UUID id, String label, String status, Instant at) {
    }

    private Map<String, Long> grouped(String sql, UUID organizationId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(sql).setParameter("org", organizationId).getResultList()) {
            Object[] cells = (Object[]) row;
            counts.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return counts;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((ZonedDateTime) value).toInstant();
    }
}
