package app.arv.persistence.media;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owed object deletions and the dead letters of those that kept failing. */
@ApplicationScoped
public class MediaDeletionRepository extends EntityRepository<MediaDeletion> {

    /**
     * Platform job: locks the row for this transaction so two nodes never delete (or park) the same
     * object at once; empty when it is gone, another transaction holds it (SKIP LOCKED, no waiting), or it is not due
     * by {@code now}. A node's list of due ids is read before it locks them one by one: meanwhile another node may have
     * tried one and put it off, and trying it again at once would count a second failure without the backoff's wait.
     */
    public Optional<MediaDeletion> lockDueAcrossOrganizations(UUID id, Instant now) {
        List<?> locked = em.createNativeQuery("SELECT id FROM media_deletion WHERE id = ?1 AND next_attempt_at <= ?2"
                + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).setParameter(2, now).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(MediaDeletion.class, id));
    }

    /** Platform job: ids of deletions whose next attempt is due. */
    public List<UUID> dueAcrossOrganizations(Instant now, int limit) {
        return em.createQuery("SELECT d.id FROM MediaDeletion d WHERE d.nextAttemptAt <= :now ORDER BY d.nextAttemptAt",
                UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The deletions owed for objects about to be written, each committed before its object is written. */
    public void owe(List<MediaDeletion> staged) {
        staged.forEach(em::persist);
    }

    /**
     * The staged objects at {@code keys} are the organization's recorded resources' now, or gone: their deletions are no
     * longer owed. One statement, whatever the number of keys.
     *
     * @return how many such deletions there were (fewer than the keys: some were taken on as abandoned meanwhile)
     */
    public int forgetStaged(UUID organizationId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM MediaDeletion d WHERE d.organizationId = :org AND d.resourceId IS NULL"
                + " AND d.storageKey IN :keys")
                .setParameter("org", organizationId).setParameter("keys", keys).executeUpdate();
    }

    /**
     * Of the staged objects at {@code keys}, those still owed a deletion (no recording took them on), their rows locked for
     * this transaction. A row another transaction holds is not among them (SKIP LOCKED, no waiting): a recording whose
     * outcome is not settled yet, or the deletion timer removing the object.
     */
    public List<String> lockStaged(UUID organizationId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<?> owed = em.createNativeQuery("SELECT storage_key FROM media_deletion WHERE organization_id = ?1"
                + " AND resource_id IS NULL AND storage_key IN (?2) FOR UPDATE SKIP LOCKED")
                .setParameter(1, organizationId).setParameter(2, keys).getResultList();
        return owed.stream().map(String.class::cast).toList();
    }

    public long countPending(UUID organizationId) {
        return em.createQuery("SELECT COUNT(d) FROM MediaDeletion d WHERE d.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult();
    }

    public void done(MediaDeletion deletion) {
        em.remove(deletion);
    }

    /** @param retryAt when the parked deletion is tried again */
    public MediaDeletionDeadLetter park(MediaDeletion deletion, Instant now, Instant retryAt) {
        MediaDeletionDeadLetter letter = deletion.park(now, retryAt);
        em.persist(letter);
        em.remove(deletion);
        return letter;
    }

    /**
     * The dead letter, locked as {@link #lockDueAcrossOrganizations} locks a pending deletion, whether due or not (for an
     * admin's retry).
     */
    public Optional<MediaDeletionDeadLetter> lockDeadLetterAcrossOrganizations(UUID id) {
        List<?> locked = em.createNativeQuery("SELECT id FROM media_deletion_dead_letter WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(MediaDeletionDeadLetter.class, id));
    }

    /** Platform job: the dead letter, locked as {@link #lockDueAcrossOrganizations} locks a pending deletion, if due by {@code now}. */
    public Optional<MediaDeletionDeadLetter> lockDueDeadLetterAcrossOrganizations(UUID id, Instant now) {
        List<?> locked = em.createNativeQuery("SELECT id FROM media_deletion_dead_letter WHERE id = ?1 AND next_attempt_at <= ?2"
                + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).setParameter(2, now).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(MediaDeletionDeadLetter.class, id));
    }

    /** A dead letter of any organization, as it stands (no lock). */
    public Optional<MediaDeletionDeadLetter> findDeadLetterAcrossOrganizations(UUID id) {
        return Optional.ofNullable(em.find(MediaDeletionDeadLetter.class, id));
    }

    /** Platform job: ids of dead letters whose next attempt is due. */
    public List<UUID> dueDeadLettersAcrossOrganizations(Instant now, int limit) {
        return em.createQuery("SELECT l.id FROM MediaDeletionDeadLetter l WHERE l.nextAttemptAt <= :now ORDER BY l.nextAttemptAt",
                UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The store finally deleted the object. */
    public void settled(MediaDeletionDeadLetter letter) {
        em.remove(letter);
    }

    /** The dead letters of {@code organizationId} ({@code null}: of every organization), the most recently parked first. */
    public Page<MediaDeletionDeadLetter> deadLetters(UUID organizationId, PageRequest page) {
        return pageOf(MediaDeletionDeadLetter.class, organizationId, "parkedAt DESC", page);
    }

    /**
     * The deletions still owed, of {@code organizationId} ({@code null}: of every organization), soonest due first: what
     * holds their storage connections until they are carried out.
     */
    public Page<MediaDeletion> owed(UUID organizationId, PageRequest page) {
        return pageOf(MediaDeletion.class, organizationId, "nextAttemptAt", page);
    }

    /** A page of {@code type}'s rows of one organization ({@code null}: every one's), in {@code order}, then by id. */
    private <T> Page<T> pageOf(Class<T> type, UUID organizationId, String order, PageRequest page) {
        String from = " FROM " + type.getSimpleName() + " r" + (organizationId == null ? "" : " WHERE r.organizationId = :org");
        TypedQuery<T> items = em.createQuery("SELECT r" + from + " ORDER BY r." + order + ", r.id", type);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r)" + from, Long.class);
        if (organizationId != null) {
            items.setParameter("org", organizationId);
            count.setParameter("org", organizationId);
        }
        return Page.of(items, count, page);
    }
}
