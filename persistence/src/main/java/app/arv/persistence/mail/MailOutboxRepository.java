package app.arv.persistence.mail;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table. {@link #add} joins the caller's transaction; the other methods are the senders' and each
 * belongs in a short transaction of its own: a claim commits before anything is sent, so no row lock is held
 * while an SMTP server is slow.
 */
@ApplicationScoped
public class MailOutboxRepository extends EntityRepository<OutboxMail> {

    private static final int MAX_ERROR = 1000;

    public Optional<OutboxMail> find(UUID id) {
        return Optional.ofNullable(em.find(OutboxMail.class, id));
    }

    /**
     * Platform job: takes up to {@code limit} due mails (queued, next attempt reached — which includes mails
     * whose previous holder's lease ran out) for {@code node} until {@code leaseUntil}, counting the attempt.
     * Rows another transaction is claiming right now are skipped, not waited for, so concurrent claimers on any
     * number of nodes never take the same row and never block each other.
     */
    public List<ClaimedMail> claim(Instant now, Instant leaseUntil, String node, int limit) {
        UUID token = UUID.randomUUID();
        // UPDATE ... RETURNING hands rows back in no particular order: the outer SELECT restores the schedule's.
        List<?> rows = em.createNativeQuery("WITH due AS (SELECT id, next_attempt_at FROM mail_outbox"
                + " WHERE status = 'QUEUED' AND next_attempt_at <= ?4 ORDER BY next_attempt_at LIMIT ?5 FOR UPDATE SKIP LOCKED),"
                + " claimed AS (UPDATE mail_outbox m SET next_attempt_at = ?1, claimed_by = ?2, claim_token = ?3,"
                + " attempts = m.attempts + 1 FROM due WHERE m.id = due.id RETURNING m.id, m.attempts, m.recipient, m.locale,"
                + " m.subject, m.text_body, m.html_body, due.next_attempt_at AS due_at)"
                + " SELECT id, attempts, recipient, locale, subject, text_body, html_body FROM claimed ORDER BY due_at")
                .setParameter(1, leaseUntil).setParameter(2, node).setParameter(3, token).setParameter(4, now)
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ClaimedMail((UUID) r[0], token, leaseUntil, ((Number) r[1]).intValue(), (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6]))
                .toList();
    }

    /** The holder's mail went out; false when the claim was lost (its lease ran out and another took it). */
    public boolean markSent(ClaimedMail mail, Instant now) {
        return em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', sent_at = ?1, claim_token = NULL,"
                + " last_error = NULL WHERE id = ?2 AND claim_token = ?3")
                .setParameter(1, now).setParameter(2, mail.id()).setParameter(3, mail.claimToken())
                .executeUpdate() == 1;
    }

    /** The attempt failed: due again at {@code retryAt}. False when the claim was lost. */
    public boolean retryAt(ClaimedMail mail, Instant retryAt, String error) {
        return em.createNativeQuery("UPDATE mail_outbox SET next_attempt_at = ?1, claim_token = NULL, last_error = ?2"
                + " WHERE id = ?3 AND claim_token = ?4")
                .setParameter(1, retryAt).setParameter(2, trimmed(error)).setParameter(3, mail.id())
                .setParameter(4, mail.claimToken())
                .executeUpdate() == 1;
    }

    /** The last attempt failed: the mail is dead, its error kept for an operator. False when the claim was lost. */
    public boolean deadLetter(ClaimedMail mail, String error) {
        return em.createNativeQuery("UPDATE mail_outbox SET status = 'DEAD', claim_token = NULL, last_error = ?1"
                + " WHERE id = ?2 AND claim_token = ?3")
                .setParameter(1, trimmed(error)).setParameter(2, mail.id()).setParameter(3, mail.claimToken())
                .executeUpdate() == 1;
    }

    /** A claimed mail the holder did not try after all (its lease was too short to): due again at once, uncounted. */
    public boolean giveBack(ClaimedMail mail, Instant now) {
        return em.createNativeQuery("UPDATE mail_outbox SET next_attempt_at = ?1, claim_token = NULL,"
                + " attempts = attempts - 1 WHERE id = ?2 AND claim_token = ?3")
                .setParameter(1, now).setParameter(2, mail.id()).setParameter(3, mail.claimToken())
                .executeUpdate() == 1;
    }

    /** Platform job: deletes at most {@code most} sent and dead mails queued before the instant (queued ones stay); the number deleted. */
    public int removeSettledBefore(Instant instant, int most) {
        return em.createNativeQuery("DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox"
                + " WHERE status <> 'QUEUED' AND created_at < ?1 LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, most).executeUpdate();
    }

    /**
     * Dead mails, newest first: one organization's, or — {@code organizationId} null — every organization's and those
     * of none (a sign-up's verification).
     */
    public Page<OutboxMail> dead(UUID organizationId, PageRequest page) {
        String where = " WHERE m.status = :dead" + (organizationId == null ? "" : " AND m.organizationId = :org");
        TypedQuery<OutboxMail> items = em.createQuery("SELECT m FROM OutboxMail m" + where + " ORDER BY m.createdAt DESC, m.id DESC",
                OutboxMail.class).setParameter("dead", MailStatus.DEAD);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM OutboxMail m" + where, Long.class)
                .setParameter("dead", MailStatus.DEAD);
        if (organizationId != null) {
            items.setParameter("org", organizationId);
            count.setParameter("org", organizationId);
        }
        return Page.of(items, count, page);
    }

    /**
     * A dead mail queued again, due at once, its attempts counted from zero (its last error stays until the next
     * attempt); false when it is not dead (sent, queued, resent already by someone else, or gone).
     */
    public boolean resend(UUID id, Instant now) {
        return em.createNativeQuery("UPDATE mail_outbox SET status = 'QUEUED', attempts = 0, next_attempt_at = ?1,"
                + " claimed_by = NULL, claim_token = NULL WHERE id = ?2 AND status = 'DEAD'")
                .setParameter(1, now).setParameter(2, id).executeUpdate() == 1;
    }

    /** When the longest-waiting queued mail was queued: how far behind the senders are (empty when none waits). */
    public Optional<Instant> oldestQueued() {
        return em.createQuery("SELECT MIN(m.createdAt) FROM OutboxMail m WHERE m.status = :queued", Instant.class)
                .setParameter("queued", MailStatus.QUEUED).getResultStream().filter(Objects::nonNull).findFirst();
    }

    /** Mails per status, across organizations (operators' figures). */
    public Map<MailStatus, Long> countByStatus() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("SELECT m.status, COUNT(m) FROM OutboxMail m GROUP BY m.status", Object[].class).getResultList()
                .forEach(row -> counts.put((MailStatus) row[0], (Long) row[1]));
        return counts;
    }

    private static String trimmed(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
