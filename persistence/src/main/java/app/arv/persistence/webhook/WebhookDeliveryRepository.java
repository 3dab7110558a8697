package app.arv.persistence.webhook;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliveries and their attempts. {@link #add} joins the caller's transaction (the occurrence's); the claim and the
 * settling methods are the senders' and each belongs in a short transaction of its own, so no row lock is held while
 * a receiver is slow.
 */
@ApplicationScoped
public class WebhookDeliveryRepository extends EntityRepository<WebhookDelivery> {

    public void addAttempt(WebhookAttempt attempt) {
        em.persist(attempt);
    }

    /** The delivery if it is one of this webhook's, in this organization. */
    public Optional<WebhookDelivery> find(UUID organizationId, UUID webhookId, UUID id) {
        return em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.id = :id AND d.webhookId = :webhook"
                + " AND d.organizationId = :org", WebhookDelivery.class)
                .setParameter("id", id).setParameter("webhook", webhookId).setParameter("org", organizationId)
                .getResultStream().findFirst();
    }

    /** A webhook's deliveries, newest first. */
    public Page<WebhookDelivery> list(UUID organizationId, UUID webhookId, PageRequest page) {
        return Page.of(em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhook AND d.organizationId = :org"
                + " ORDER BY d.createdAt DESC, d.id", WebhookDelivery.class)
                .setParameter("webhook", webhookId).setParameter("org", organizationId),
                em.createQuery("SELECT COUNT(d) FROM WebhookDelivery d WHERE d.webhookId = :webhook AND d.organizationId = :org", Long.class)
                        .setParameter("webhook", webhookId).setParameter("org", organizationId),
                page);
    }

    /** The attempts of these deliveries, in order of delivery and number. */
    public List<WebhookAttempt> attempts(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM WebhookAttempt a WHERE a.deliveryId IN :ids ORDER BY a.deliveryId, a.number",
                WebhookAttempt.class).setParameter("ids", deliveryIds).getResultList();
    }

    /**
     * Platform job: takes up to {@code limit} due deliveries (pending, next attempt reached — which includes those
     * whose previous holder's lease ran out) of switched-on webhooks, and manual ones of any, of active organizations
     * (a deactivated one's wait: it is switched off, its webhooks too, until a platform admin activates it), for {@code node} until
     * {@code leaseUntil}, counting the attempt and stamping the first attempt's time. At most {@code perOrganization}
     * are one organization's (its longest-due ones), so one organization's backlog never fills a claim. Rows another
     * transaction is claiming are skipped, not waited for, so claimers on any number of nodes never take the same row
     * (they still count towards their organization's share: a claimer that meets them gets that organization's next
     * ones at its next claim, a moment later, once the other claim has committed). What it reads is bounded by what it
     * takes and the organizations and webhooks it looks at, not by the pending deliveries a switched-off webhook keeps.
     */
    public List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, String node, int limit, int perOrganization) {
        UUID token = UUID.randomUUID();
        // Each active organization's share is its first perOrganization due ones in schedule order, read apart and
        // unlocked (so rows being claimed count towards it), from candidates looked up by index: each switched-on
        // webhook's first perOrganization (webhook_delivery_webhook_due) and the manual ones of switched-off webhooks
        // (webhook_delivery_manual_due, few: a person asks for each). The pending deliveries a disabled webhook keeps
        // are never read, however many. The shares are then locked one by one by key, longest-due first, until limit
        // are taken: the locking subquery, correlated, is planned as a key look-up per share (a join let the planner
        // read every pending row to meet them, or lock every share before keeping limit of them). UPDATE ... RETURNING
        // hands rows back in no particular order: the outer SELECT restores the schedule's.
        List<?> rows = em.createNativeQuery("WITH candidates AS (SELECT c.id, c.organization_id, c.next_attempt_at"
                + " FROM organization o JOIN webhook w ON w.organization_id = o.id CROSS JOIN LATERAL"
                + " (SELECT d.id, d.organization_id, d.next_attempt_at FROM webhook_delivery d WHERE d.webhook_id = w.id"
                + " AND d.status = 'PENDING' AND d.next_attempt_at <= ?4 ORDER BY d.next_attempt_at, d.id LIMIT ?6) c"
                + " WHERE o.active AND w.enabled"
                + " UNION ALL SELECT d.id, d.organization_id, d.next_attempt_at FROM webhook_delivery d"
                + " JOIN webhook w ON w.id = d.webhook_id JOIN organization o ON o.id = d.organization_id"
                + " WHERE d.status = 'PENDING' AND d.manual AND d.next_attempt_at <= ?4 AND NOT w.enabled AND o.active),"
                + " shares AS (SELECT r.id, r.next_attempt_at FROM (SELECT c.id, c.next_attempt_at, row_number() OVER"
                + " (PARTITION BY c.organization_id ORDER BY c.next_attempt_at, c.id) AS place FROM candidates c) r"
                + " WHERE r.place <= ?6),"
                + " due AS (SELECT l.id, l.next_attempt_at FROM (SELECT s.id, s.next_attempt_at FROM shares s"
                + " ORDER BY s.next_attempt_at, s.id) s CROSS JOIN LATERAL (SELECT d.id, d.next_attempt_at"
                + " FROM webhook_delivery d WHERE d.id = s.id AND d.status = 'PENDING' AND d.next_attempt_at <= ?4"
                + " FOR UPDATE SKIP LOCKED) l ORDER BY s.next_attempt_at, s.id LIMIT ?5),"
                + " claimed AS (UPDATE webhook_delivery d SET next_attempt_at = ?1, claimed_by = ?2, claim_token = ?3,"
                + " attempts = d.attempts + 1, first_attempt_at = COALESCE(d.first_attempt_at, ?4) FROM due WHERE d.id = due.id"
                + " RETURNING d.id, d.attempts, d.first_attempt_at, d.webhook_id, d.organization_id, d.event_id, d.event_type,"
                + " d.payload, due.next_attempt_at AS due_at)"
                + " SELECT c.id, c.attempts, c.first_attempt_at, c.webhook_id, c.organization_id, c.event_id, c.event_type,"
                + " c.payload, w.url, w.secret_ciphertext,"
                + " CASE WHEN w.previous_secret_until > ?4 THEN w.previous_secret_ciphertext END"
                + " FROM claimed c JOIN webhook w ON w.id = c.webhook_id ORDER BY c.due_at")
                .setParameter(1, leaseUntil).setParameter(2, node).setParameter(3, token).setParameter(4, now)
                .setParameter(5, limit).setParameter(6, perOrganization)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ClaimedDelivery((UUID) r[0], token, leaseUntil, ((Number) r[1]).intValue(), instant(r[2]),
                        (UUID) r[3], (UUID) r[4], (String) r[8], (String) r[9], (String) r[10], (UUID) r[5], (String) r[6],
                        (String) r[7]))
                .toList();
    }

    /**
     * Platform job: ends, as dead, due deliveries that were claimed {@code brokenClaims} times or more without the attempt
     * being recorded (each claim counts an attempt; a settled one records it; a given-back one is uncounted). Such a
     * delivery breaks its sender before it can settle (a bug, a value the database refuses) or kills the nodes that
     * try it; claimed again at every lease's end it would neither be recorded nor die. Rows being claimed are skipped.
     */
    public List<BrokenDelivery> endBroken(Instant now, int brokenClaims) {
        List<?> rows = em.createNativeQuery("WITH broken AS (SELECT d.id FROM webhook_delivery d"
                + " WHERE d.status = 'PENDING' AND d.claim_token IS NOT NULL AND d.next_attempt_at <= ?1"
                + " AND d.attempts - (SELECT COUNT(*) FROM webhook_attempt a WHERE a.delivery_id = d.id) >= ?2"
                + " FOR UPDATE OF d SKIP LOCKED)"
                + " UPDATE webhook_delivery d SET status = 'DEAD', settled_at = ?1, claim_token = NULL FROM broken"
                + " WHERE d.id = broken.id RETURNING d.id, d.webhook_id, d.organization_id, d.attempts")
                .setParameter(1, now).setParameter(2, brokenClaims)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new BrokenDelivery((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    /** The receiver accepted it; false when the claim was lost (its lease ran out and another took it). */
    public boolean markDelivered(ClaimedDelivery delivery, Instant now) {
        return settle(delivery, "status = 'DELIVERED', settled_at = ?1", now);
    }

    /** The attempt failed: due again at {@code retryAt}. False when the claim was lost. */
    public boolean retryAt(ClaimedDelivery delivery, Instant retryAt) {
        return settle(delivery, "next_attempt_at = ?1", retryAt);
    }

    /** The retry period is over: given up on. False when the claim was lost. */
    public boolean markDead(ClaimedDelivery delivery, Instant now) {
        return settle(delivery, "status = 'DEAD', settled_at = ?1", now);
    }

    /** A claimed delivery the holder did not try after all (too little lease left): due again at once, uncounted. */
    public boolean giveBack(ClaimedDelivery delivery, Instant now) {
        return settle(delivery, "next_attempt_at = ?1, attempts = attempts - 1", now);
    }

    private boolean settle(ClaimedDelivery delivery, String assignments, Instant value) {
        return em.createNativeQuery("UPDATE webhook_delivery SET " + assignments + ", claim_token = NULL"
                + " WHERE id = ?2 AND claim_token = ?3")
                .setParameter(1, value).setParameter(2, delivery.id()).setParameter(3, delivery.claimToken())
                .executeUpdate() == 1;
    }

    /** Platform job: deletes at most {@code most} delivered and dead deliveries created before the instant, with their attempts. */
    public int removeSettledBefore(Instant instant, int most) {
        return em.createNativeQuery("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
                + " WHERE status <> 'PENDING' AND created_at < ?1 LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, most).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
