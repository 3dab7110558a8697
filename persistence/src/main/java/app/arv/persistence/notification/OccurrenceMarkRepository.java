package app.arv.persistence.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * Once-only marks of occurrences ({@code occurrence_mark}). Taking a mark is an insert that does nothing when the mark
 * exists: a concurrent transaction taking the same mark waits on the primary key until the first one ends, and then
 * finds it taken (committed) or takes it itself (rolled back) — so exactly one committed transaction ever holds it.
 * A mark records when its occurrence lapses (the quota's month ends, the content's expiry date), so the retention round
 * can delete marks nobody asks for any more.
 */
@ApplicationScoped
public class OccurrenceMarkRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * True for the one transaction that takes the mark first; false when it was taken before (on any node).
     *
     * @param lapsesAt when the occurrence the mark is of is over: the end of a quota's period, a content's expiry date
     */
    public boolean take(UUID organizationId, String mark, Instant lapsesAt) {
        return em.createNativeQuery("INSERT INTO occurrence_mark (organization_id, mark, created_at, lapses_at) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT DO NOTHING")
                .setParameter(1, organizationId).setParameter(2, mark).setParameter(3, Instant.now()).setParameter(4, lapsesAt)
                .executeUpdate() == 1;
    }

    /** Platform job: deletes at most {@code most} marks whose occurrence lapsed before the instant; the number deleted. */
    public int removeLapsedBefore(Instant instant, int most) {
        return em.createNativeQuery("DELETE FROM occurrence_mark WHERE (organization_id, mark) IN (SELECT organization_id, mark"
                + " FROM occurrence_mark WHERE lapses_at < ?1 LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, most).executeUpdate();
    }

    public boolean taken(UUID organizationId, String mark) {
        return !em.createNativeQuery("SELECT 1 FROM occurrence_mark WHERE organization_id = ?1 AND mark = ?2")
                .setParameter(1, organizationId).setParameter(2, mark).getResultList().isEmpty();
    }
}
