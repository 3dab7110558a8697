package app.arv.persistence.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Idempotency records, looked up by organization, credential and key. */
@ApplicationScoped
public class IdempotencyRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * Removes the key's record when it is over: created before {@code expiredBefore}, or a claim whose
     * holder let its lease run out (its node died). Such a key is free again.
     */
    public void removeIfOver(UUID organizationId, String credential, String key, Instant expiredBefore, Instant now) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE organization_id = ?1 AND credential = ?2"
                + " AND idempotency_key = ?3 AND (created_at < ?4 OR (status IS NULL AND locked_until < ?5))")
                .setParameter(1, organizationId).setParameter(2, credential).setParameter(3, key)
                .setParameter(4, expiredBefore).setParameter(5, now)
                .executeUpdate();
    }

    /**
     * Claims the key for a new request. Two claims racing on one key meet at the unique constraint:
     * the second insert waits for the first transaction and then inserts nothing. Empty when the key
     * is already held or answered.
     */
    public Optional<UUID> claim(UUID organizationId, String credential, String key, String requestLine, Instant now,
            Instant lockedUntil) {
        UUID id = UUID.randomUUID();
        List<?> inserted = em.createNativeQuery("INSERT INTO idempotency_record"
                + " (id, organization_id, credential, idempotency_key, request_line, created_at, locked_until)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " ON CONFLICT ON CONSTRAINT idempotency_record_key DO NOTHING RETURNING id")
                .setParameter(1, id).setParameter(2, organizationId).setParameter(3, credential).setParameter(4, key)
                .setParameter(5, requestLine).setParameter(6, now).setParameter(7, lockedUntil)
                .getResultList();
        return inserted.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    public Optional<IdempotencyRecord> find(UUID organizationId, String credential, String key) {
        return em.createQuery("SELECT r FROM IdempotencyRecord r WHERE r.organizationId = :org"
                + " AND r.credential = :credential AND r.idempotencyKey = :key", IdempotencyRecord.class)
                .setParameter("org", organizationId).setParameter("credential", credential).setParameter("key", key)
                .getResultStream().findFirst();
    }

    public Optional<IdempotencyRecord> find(UUID id) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, id));
    }

    /**
     * Extends the leases of claims their requests still hold (answered or released records are left alone); the number
     * extended.
     */
    public int extendClaims(Collection<UUID> ids, Instant lockedUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE IdempotencyRecord r SET r.lockedUntil = :until WHERE r.id IN :ids AND r.status IS NULL")
                .setParameter("until", lockedUntil).setParameter("ids", ids).executeUpdate();
    }

    /** Gives up a claim that produced no answer worth keeping; answered records stay. */
    public void releaseClaim(UUID id) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.id = :id AND r.status IS NULL")
                .setParameter("id", id).executeUpdate();
    }

    /** Platform job: removes at most {@code most} records created before the instant; the number removed. */
    public int removeCreatedBefore(Instant instant, int most) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE id IN (SELECT id FROM idempotency_record"
                + " WHERE created_at < ?1 LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, most).executeUpdate();
    }
}
