package app.arv.persistence.media;

import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Direct uploads. Completions of one upload take turns on its row lock ({@link #lock}). */
@ApplicationScoped
public class MediaUploadRepository extends TenantRepository<MediaUpload> {

    public MediaUploadRepository() {
        super(MediaUpload.class);
    }

    /**
     * Platform job: direct uploads whose key is due for removal (their URL expired, completed or not: the upload key goes
     * either way) and, after a refusal, whose wait is over. Those never refused come first, then the fewest refusals: keys
     * a broken store keeps refusing cannot take every batch from other organizations' uploads.
     */
    public List<MediaUpload> dueForRemovalAcrossOrganizations(Instant now, int limit) {
        return em.createQuery("SELECT u FROM MediaUpload u WHERE u.expiresAt < :now"
                + " AND (u.removalRetryAt IS NULL OR u.removalRetryAt < :now) ORDER BY u.removalAttempts, u.expiresAt",
                MediaUpload.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Platform job: these uploads, whichever organization they belong to (the ones still there). */
    public List<MediaUpload> allAcrossOrganizations(List<UUID> ids) {
        return em.createQuery("SELECT u FROM MediaUpload u WHERE u.id IN :ids", MediaUpload.class).setParameter("ids", ids)
                .getResultList();
    }

    /** @return how many of these uploads were still there */
    public int removeAll(List<UUID> ids) {
        return em.createQuery("DELETE FROM MediaUpload u WHERE u.id IN :ids").setParameter("ids", ids).executeUpdate();
    }
}
