package app.arv.persistence.organization;

import app.arv.persistence.shared.OrganizationScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Quota overrides and what an organization used of its quotas. The checks that must not let two
 * concurrent requests both pass take a transaction-scoped lock here, released by the commit.
 */
@ApplicationScoped
public class OrganizationQuotaRepository {

    /** The second key of the per-organization stored-bytes advisory lock (the first is the organization). */
    private static final String STORAGE_LOCK = "arv:quota:stored-bytes";

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public Optional<OrganizationQuota> find(UUID organizationId) {
        return Optional.ofNullable(em.find(OrganizationQuota.class, organizationId));
    }

    /** The organization's overrides, created empty (all defaults) if it has none yet. */
    public OrganizationQuota findOrCreate(UUID organizationId) {
        return find(organizationId).orElseGet(() -> {
            OrganizationQuota quota = new OrganizationQuota(organizationId);
            em.persist(quota);
            return quota;
        });
    }

    /**
     * Waits for, then holds until the end of the transaction, the organization's stored-bytes lock:
     * between this and the commit no other transaction of the organization can pass the same check.
     */
    public void lockStoredBytes(UUID organizationId) {
        OrganizationScoped.holdLock(em, organizationId, STORAGE_LOCK);
    }

    /**
     * Bytes of the organization's live stored objects, all of them: uploads and their thumbnails, overlays, compiled
     * markers, generated models and their previews.
     */
    public long storedBytes(UUID organizationId) {
        Number sum = (Number) em.createNativeQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM media_resource"
                + " WHERE organization_id = ?1 AND deleted_at IS NULL")
                .setParameter(1, organizationId).getSingleResult();
        return sum.longValue();
    }

    /** The month's use so far (zeros when nothing was used). */
    public MonthUsage usage(UUID organizationId, LocalDate month) {
        var rows = em.createNativeQuery("SELECT generation_items, fal_items FROM organization_usage"
                + " WHERE organization_id = ?1 AND month = ?2")
                .setParameter(1, organizationId).setParameter(2, month).getResultList();
        if (rows.isEmpty()) {
            return new MonthUsage(0, 0);
        }
        Object[] row = (Object[]) rows.get(0);
        return new MonthUsage(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /**
     * Adds generation items (and of those, fal items) to the month's use, but only if both stay
     * within their limits — one conditional UPDATE, whose row lock makes a concurrent attempt wait
     * for this transaction and then see its increment. A request without fal items is not held to the
     * fal budget: an operator who lowers it below this month's use stops fal spending, not the local generator.
     *
     * @return whether the items were counted; {@code false} leaves the use unchanged
     */
    public boolean countGenerations(UUID organizationId, LocalDate month, int items, int falItems,
            long maxItems, long maxFalItems) {
        em.createNativeQuery("INSERT INTO organization_usage (organization_id, month) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, organizationId).setParameter(2, month).executeUpdate();
        int updated = em.createNativeQuery("UPDATE organization_usage SET generation_items = generation_items + ?3,"
                + " fal_items = fal_items + ?4 WHERE organization_id = ?1 AND month = ?2"
                + " AND generation_items + ?3 <= ?5 AND (?4 = 0 OR fal_items + ?4 <= ?6)")
                .setParameter(1, organizationId).setParameter(2, month).setParameter(3, items).setParameter(4, falItems)
                .setParameter(5, maxItems).setParameter(6, maxFalItems).executeUpdate();
        return updated == 1;
    }

    /**
     * Takes back generation items (and of those, fal items) counted in that month: items that were accepted and then
     * cancelled before anything was made of them. Never below zero (an operator may have reset the month meanwhile).
     */
    public void uncountGenerations(UUID organizationId, LocalDate month, int items, int falItems) {
        em.createNativeQuery("UPDATE organization_usage SET generation_items = GREATEST(generation_items - ?3, 0),"
                + " fal_items = GREATEST(fal_items - ?4, 0) WHERE organization_id = ?1 AND month = ?2")
                .setParameter(1, organizationId).setParameter(2, month).setParameter(3, items).setParameter(4, falItems)
                .executeUpdate();
    }

    /** Generation items (all providers, and fal's) counted in one month. */
    public record MonthUsage(int generationItems, int falItems) {
    }
}
