package app.arv.persistence.generation;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GenerationRepository extends EntityRepository<GenerationJob> {

    public GenerationItem add(GenerationItem item) {
        em.persist(item);
        return item;
    }

    public Optional<GenerationJob> findJob(UUID organizationId, UUID id) {
        return OrganizationScoped.find(em, GenerationJob.class, organizationId, id);
    }

    /**
     * The job, row-locked until the transaction ends: workers finishing items of one job at the same
     * time settle its status one after the other, each seeing the others' committed items.
     */
    public Optional<GenerationJob> lockJob(UUID organizationId, UUID id) {
        return OrganizationScoped.lock(em, GenerationJob.class, organizationId, id);
    }

    /** @param status only jobs in this status, or {@code null} for all; newest first */
    public Page<GenerationJob> listJobs(UUID organizationId, GenerationStatus status, PageRequest page) {
        String where = " WHERE j.organizationId = :org" + (status == null ? "" : " AND j.status = :status");
        var query = em.createQuery("SELECT j FROM GenerationJob j" + where + " ORDER BY j.createdAt DESC, j.id", GenerationJob.class)
                .setParameter("org", organizationId);
        var count = em.createQuery("SELECT COUNT(j) FROM GenerationJob j" + where, Long.class).setParameter("org", organizationId);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        return Page.of(query, count, page);
    }

    public List<GenerationItem> items(UUID organizationId, UUID jobId) {
        return em.createQuery("SELECT i FROM GenerationItem i WHERE i.organizationId = :org AND i.jobId = :job"
                + " ORDER BY i.position", GenerationItem.class)
                .setParameter("org", organizationId).setParameter("job", jobId).getResultList();
    }

    /**
     * The job's items, row-locked until the transaction ends (taken after the job's lock, as everywhere):
     * a cancel works on their latest state, and workers wait for it rather than write over it.
     */
    public List<GenerationItem> lockItems(UUID organizationId, UUID jobId) {
        return em.createQuery("SELECT i FROM GenerationItem i WHERE i.organizationId = :org AND i.jobId = :job"
                + " ORDER BY i.position", GenerationItem.class)
                .setParameter("org", organizationId).setParameter("job", jobId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The item, row-locked until the transaction ends, as last committed. */
    public Optional<GenerationItem> lockItem(UUID organizationId, UUID id) {
        return OrganizationScoped.lock(em, GenerationItem.class, organizationId, id);
    }

    /** Re-reads an item this transaction already holds and row-locks it: what another transaction committed meanwhile counts. */
    public void refreshLocked(GenerationItem item) {
        em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<GenerationItem> findItem(UUID organizationId, UUID id) {
        return OrganizationScoped.find(em, GenerationItem.class, organizationId, id);
    }

    public Optional<GenerationItem> findItem(UUID organizationId, UUID jobId, UUID id) {
        return findItem(organizationId, id).filter(i -> i.getJobId().equals(jobId));
    }

    /** How many of the job's items are in each status (every status present, zero when none). */
    public Map<GenerationStatus, Long> countByStatus(UUID organizationId, UUID jobId) {
        Map<GenerationStatus, Long> counts = new EnumMap<>(GenerationStatus.class);
        for (GenerationStatus s : GenerationStatus.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT i.status, COUNT(i) FROM GenerationItem i WHERE i.organizationId = :org AND i.jobId = :job"
                + " GROUP BY i.status", Object[].class)
                .setParameter("org", organizationId).setParameter("job", jobId)
                .getResultList()
                .forEach(row -> counts.put((GenerationStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Items taken by a worker and not touched since {@code before}, across organizations: only the
     * reaper (a platform task, not a caller) asks this, and it handles each item within its own organization.
     */
    public List<GenerationItem> processingSince(Instant before, int max) {
        return em.createQuery("SELECT i FROM GenerationItem i WHERE i.status = :processing AND i.updatedAt < :before"
                + " ORDER BY i.updatedAt", GenerationItem.class)
                .setParameter("processing", GenerationStatus.PROCESSING).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }

    /**
     * Items still queued long after their message was sent (and not re-sent since), or after it was re-sent, across
     * organizations, oldest first: only the reaper (a platform task) asks this, and it handles each within its organization.
     */
    public List<GenerationItem> queuedSince(Instant sentBefore, Instant resentBefore, int max) {
        return em.createQuery("SELECT i FROM GenerationItem i WHERE i.status = :queued"
                + " AND (i.resentAt IS NULL AND i.updatedAt < :sent OR i.resentAt < :resent) ORDER BY i.updatedAt", GenerationItem.class)
                .setParameter("queued", GenerationStatus.QUEUED).setParameter("sent", sentBefore).setParameter("resent", resentBefore)
                .setMaxResults(max).getResultList();
    }

    public void flush() {
        em.flush();
    }

    /** Items being made right now, across organizations: the platform's "workers busy" figure. */
    public long countProcessingEverywhere() {
        return em.createQuery("SELECT COUNT(i) FROM GenerationItem i WHERE i.status = :processing", Long.class)
                .setParameter("processing", GenerationStatus.PROCESSING).getSingleResult();
    }

    /** The organization's jobs that finished before {@code before}, oldest first. */
    public List<GenerationJob> finishedBefore(UUID organizationId, Instant before, int max) {
        return em.createQuery("SELECT j FROM GenerationJob j WHERE j.organizationId = :org AND j.finishedAt < :before"
                + " ORDER BY j.finishedAt", GenerationJob.class)
                .setParameter("org", organizationId).setParameter("before", before).setMaxResults(max).getResultList();
    }

    /** Jobs of every organization that finished before {@code before}, oldest first: the retention timer's work. */
    public List<GenerationJob> finishedBeforeAcrossOrganizations(Instant before, int max) {
        return em.createQuery("SELECT j FROM GenerationJob j WHERE j.finishedAt < :before ORDER BY j.finishedAt", GenerationJob.class)
                .setParameter("before", before).setMaxResults(max).getResultList();
    }

    /** Removes the job and its items. */
    public void delete(GenerationJob job) {
        em.createQuery("DELETE FROM GenerationItem i WHERE i.organizationId = :org AND i.jobId = :job")
                .setParameter("org", job.getOrganizationId()).setParameter("job", job.getId()).executeUpdate();
        em.remove(job);
    }
}
