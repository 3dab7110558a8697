package app.arv.persistence.marker;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.SearchText;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArContentRepository extends TenantRepository<ArContent> {

    public ArContentRepository() {
        super(ArContent.class);
    }

    /** The public viewer's lookup: the unique id is the capability, so no organization is known (or needed) here. */
    public Optional<ArContent> findByUniqueId(String uniqueId) {
        return em.createQuery("SELECT a FROM ArContent a WHERE a.uniqueId = :u", ArContent.class)
                .setParameter("u", uniqueId)
                .getResultStream().findFirst();
    }

    public Page<ArContent> list(UUID organizationId, UUID projectId, PageRequest page) {
        return list(organizationId, projectId, SearchText.EVERYTHING, null, page);
    }

    /**
     * A project's AR content whose title contains the search, oldest first.
     *
     * @param markerStatus only content whose marker is in it, or null for any
     */
    public Page<ArContent> list(UUID organizationId, UUID projectId, SearchText search, MarkerStatus markerStatus, PageRequest page) {
        // No search, no title condition: a prepared statement's generic plan could otherwise take the title's trigram
        // index (ar_content_title_search) for a pattern that matches everything, and read all of it.
        String where = " FROM ArContent a WHERE a.organizationId = :org AND a.projectId = :project"
                + (search.isEverything() ? "" : " AND " + SearchText.matches("a.title"))
                + (markerStatus == null ? "" : " AND a.markerStatus = :status");
        TypedQuery<ArContent> items = em.createQuery("SELECT a" + where + " ORDER BY a.createdAt, a.id", ArContent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class);
        for (TypedQuery<?> query : List.of(items, count)) {
            query.setParameter("org", organizationId).setParameter("project", projectId);
            if (!search.isEverything()) {
                query.setParameter("search", search.pattern());
            }
            if (markerStatus != null) {
                query.setParameter("status", markerStatus);
            }
        }
        return Page.of(items, count, page);
    }

    public boolean anyInProject(UUID organizationId, UUID projectId) {
        return em.createQuery("SELECT COUNT(c) FROM ArContent c WHERE c.organizationId = :org AND c.projectId = :project", Long.class)
                .setParameter("org", organizationId).setParameter("project", projectId)
                .getSingleResult() > 0;
    }

    public List<ArContent> readyInProject(UUID organizationId, UUID projectId) {
        return em.createQuery("SELECT a FROM ArContent a WHERE a.organizationId = :org AND a.projectId = :project"
                + " AND a.markerStatus = :ready ORDER BY a.createdAt, a.id", ArContent.class)
                .setParameter("org", organizationId).setParameter("project", projectId)
                .setParameter("ready", MarkerStatus.READY).getResultList();
    }

    /**
     * Hands the organization's pending items to one batch job instance. Conditional on PENDING, so
     * two jobs started at once never both claim an item.
     *
     * @param jobExecution the execution claiming them: the batch runtime finds the instance only through one of its
     *                     executions ({@link #compilingJobs})
     * @return how many were claimed
     */
    public int claimPending(UUID organizationId, long jobInstance, long jobExecution) {
        return em.createQuery("UPDATE ArContent a SET a.markerStatus = :compiling, a.markerJobInstance = :instance,"
                + " a.markerJobExecution = :execution WHERE a.organizationId = :org AND a.markerStatus = :pending")
                .setParameter("compiling", MarkerStatus.COMPILING).setParameter("instance", jobInstance)
                .setParameter("execution", jobExecution)
                .setParameter("org", organizationId).setParameter("pending", MarkerStatus.PENDING)
                .executeUpdate();
    }

    /** Every item a job instance claimed, finished or not, in a stable order (its partition plan is derived from it). */
    public List<UUID> claimedBy(UUID organizationId, long jobInstance) {
        return em.createQuery("SELECT a.id FROM ArContent a WHERE a.organizationId = :org AND a.markerJobInstance = :instance"
                + " ORDER BY a.id", UUID.class)
                .setParameter("org", organizationId).setParameter("instance", jobInstance).getResultList();
    }

    /** The claimed items of {@code ids} still compiling, after {@code afterId} (a reader's checkpoint), in id order. */
    public List<ArContent> stillCompiling(UUID organizationId, long jobInstance, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM ArContent a WHERE a.organizationId = :org AND a.markerJobInstance = :instance"
                + " AND a.markerStatus = :compiling AND a.id IN :ids ORDER BY a.id", ArContent.class)
                .setParameter("org", organizationId).setParameter("instance", jobInstance)
                .setParameter("compiling", MarkerStatus.COMPILING).setParameter("ids", ids).getResultList();
    }

    /**
     * Organizations with items waiting longer than their compile request should have taken (a lost message), each item
     * taken once per grace period across the cluster: those taken are stamped as resent in this transaction, and rows
     * another node is taking at the same moment are skipped (SKIP LOCKED), not waited for.
     *
     * @param before items requested (or last resent) before this are due again
     */
    public List<UUID> takeLongPending(Instant before) {
        List<?> organizations = em.createNativeQuery("UPDATE ar_content SET marker_resent_at = ?1 WHERE id IN ("
                + "SELECT id FROM ar_content WHERE marker_status = 'PENDING'"
                + " AND COALESCE(marker_resent_at, marker_requested_at) < ?2 FOR UPDATE SKIP LOCKED)"
                + " RETURNING organization_id")
                .setParameter(1, Instant.now()).setParameter(2, before).getResultList();
        return organizations.stream().map(UUID.class::cast).distinct().toList();
    }

    /**
     * The job instances with items still compiling (across organizations: the recovery timer acts for the platform), each
     * with the execution that claimed its items (null for items claimed before that was recorded).
     */
    public List<CompilingJob> compilingJobs() {
        return em.createQuery("SELECT NEW app.arv.persistence.marker.CompilingJob(a.markerJobInstance, MAX(a.markerJobExecution))"
                + " FROM ArContent a WHERE a.markerStatus = :compiling AND a.markerJobInstance IS NOT NULL"
                + " GROUP BY a.markerJobInstance ORDER BY a.markerJobInstance", CompilingJob.class)
                .setParameter("compiling", MarkerStatus.COMPILING).getResultList();
    }

    /** A job instance's claimed items not finished yet (across organizations: the recovery timer acts for the platform). */
    public long countCompiling(long jobInstance) {
        return em.createQuery("SELECT COUNT(a) FROM ArContent a WHERE a.markerJobInstance = :instance"
                + " AND a.markerStatus = :compiling", Long.class)
                .setParameter("instance", jobInstance).setParameter("compiling", MarkerStatus.COMPILING).getSingleResult();
    }

    /**
     * A job instance's claimed items still compiling, of any organization (an operator abandons a job for the platform),
     * row-locked until the transaction ends: an item given a new portrait meanwhile is not among them, and one cannot get
     * a new portrait until they are settled.
     */
    public List<ArContent> compilingIn(long jobInstance) {
        return em.createQuery("SELECT a FROM ArContent a WHERE a.markerJobInstance = :instance AND a.markerStatus = :compiling"
                + " ORDER BY a.id", ArContent.class)
                .setParameter("instance", jobInstance).setParameter("compiling", MarkerStatus.COMPILING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
