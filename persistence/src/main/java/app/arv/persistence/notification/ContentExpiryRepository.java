package app.arv.persistence.notification;

import app.arv.persistence.marker.ArContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** The expiry timer's cross-organization scan: AR content by expiry date, not yet announced. */
@ApplicationScoped
public class ContentExpiryRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * Content expiring after {@code after} and at the latest {@code until}, soonest first, whose mark
     * {@code <kind>:<content id>:<expiry in epoch seconds>} is not taken yet (at most {@code limit}). Content of a
     * deactivated organization is left out: its people cannot sign in to act on the news, and its viewer pages are
     * not shown; reactivated, its content is announced as if it had been found then.
     */
    @SuppressWarnings("unchecked")
    public List<ArContent> unannounced(String kind, Instant after, Instant until, int limit) {
        return em.createNativeQuery("SELECT c.* FROM ar_content c WHERE c.expires_at > ?1 AND c.expires_at <= ?2"
                + " AND EXISTS (SELECT 1 FROM organization o WHERE o.id = c.organization_id AND o.active)"
                + " AND NOT EXISTS (SELECT 1 FROM occurrence_mark m WHERE m.organization_id = c.organization_id"
                + " AND m.mark = ?3 || ':' || c.id || ':' || floor(extract(epoch FROM c.expires_at))::bigint)"
                + " ORDER BY c.expires_at, c.id LIMIT ?4", ArContent.class)
                .setParameter(1, after).setParameter(2, until).setParameter(3, kind).setParameter(4, limit).getResultList();
    }
}
