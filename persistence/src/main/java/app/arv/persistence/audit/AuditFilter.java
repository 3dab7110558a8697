package app.arv.persistence.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which of an organization's audit events a listing shows; every part is optional and they all apply.
 *
 * @param actions   any of these; empty for all
 * @param actorId   the person or key that acted
 * @param subjectId what the event is about
 * @param from      at or after
 * @param to        before
 */
public record AuditFilter(Set<AuditAction> actions, UUID actorId, UUID subjectId, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(Set.of(), null, null, null, null);

    public AuditFilter {
        actions = Set.copyOf(actions);
    }
}
