package app.arv.persistence.marker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The viewer's views of AR content: the all-time {@code ar_content.views_count} and the views per day
 * ({@code ar_content_daily_views}), counted together in the database so concurrent views on any node all count.
 */
@ApplicationScoped
public class ArContentViewRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * Counts one view of the content on {@code day}: one statement adds it to the total and upserts the day's row (the
     * content's row lock, then the day's unique key, serialize concurrent views; none is lost). Nothing for an unknown id.
     */
    public void count(UUID contentId, LocalDate day) {
        em.createNativeQuery("WITH counted AS (UPDATE ar_content SET views_count = views_count + 1 WHERE id = :id"
                + " RETURNING organization_id, id)"
                + " INSERT INTO ar_content_daily_views (organization_id, ar_content_id, day, views)"
                + " SELECT organization_id, id, :day, 1 FROM counted"
                + " ON CONFLICT (ar_content_id, day) DO UPDATE SET views = ar_content_daily_views.views + 1")
                .setParameter("id", contentId).setParameter("day", day).executeUpdate();
    }

    /** The content's views from {@code firstDay} on (UTC days); 0 for content of another organization. */
    public long since(UUID organizationId, UUID contentId, LocalDate firstDay) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(views), 0) FROM ar_content_daily_views"
                + " WHERE organization_id = :org AND ar_content_id = :id AND day >= :first")
                .setParameter("org", organizationId).setParameter("id", contentId).setParameter("first", firstDay)
                .getSingleResult()).longValue();
    }
}
