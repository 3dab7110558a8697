package app.arv.persistence.audit;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The audit log: written by the services in their own transactions, read newest first, thinned by retention. */
@ApplicationScoped
public class AuditEventRepository extends EntityRepository<AuditEvent> {

    /** The organization's events that pass the filter, newest first (ties by id, so pages never overlap). */
    public Page<AuditEvent> list(UUID organizationId, AuditFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE e.organizationId = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", organizationId);
        if (!filter.actions().isEmpty()) {
            where.append(" AND e.action IN :actions");
            parameters.put("actions", new ArrayList<>(filter.actions()));
        }
        if (filter.actorId() != null) {
            where.append(" AND e.actorId = :actor");
            parameters.put("actor", filter.actorId());
        }
        if (filter.subjectId() != null) {
            where.append(" AND e.subjectId = :subject");
            parameters.put("subject", filter.subjectId());
        }
        if (filter.from() != null) {
            where.append(" AND e.at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND e.at < :to");
            parameters.put("to", filter.to());
        }
        TypedQuery<AuditEvent> items = em.createQuery("SELECT e FROM AuditEvent e" + where + " ORDER BY e.at DESC, e.id DESC",
                AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return Page.of(items, count, page);
    }

    /**
     * Platform job: deletes up to {@code batch} events older than the instant, oldest first; the number deleted. In
     * batches, so a first run over a long history holds no huge transaction.
     */
    public int removeBefore(Instant instant, int batch) {
        return em.createNativeQuery("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE at < ?1"
                + " ORDER BY at LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, batch).executeUpdate();
    }
}
