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
 */
@ApplicationScoped
public class OccurrenceMarkRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /** True for the one transaction that takes the mark first; false when it was taken before (on any node). */
    public boolean take(UUID organizationId, String mark) {
        return em.createNativeQuery("INSERT INTO occurrence_mark (organization_id, mark, created_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT DO NOTHING")
                .setParameter(1, organizationId).setParameter(2, mark).setParameter(3, Instant.now()).executeUpdate() == 1;
    }

    public boolean taken(UUID organizationId, String mark) {
        return !em.createNativeQuery("SELECT 1 FROM occurrence_mark WHERE organization_id = ?1 AND mark = ?2")
                .setParameter(1, organizationId).setParameter(2, mark).getResultList().isEmpty();
    }
}
