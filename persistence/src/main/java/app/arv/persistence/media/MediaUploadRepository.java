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

    /** Platform job: direct uploads whose URL expired (completed or not: the upload key goes either way). */
    public List<MediaUpload> expiredAcrossOrganizations(Instant before, int limit) {
        return em.createQuery("SELECT u FROM MediaUpload u WHERE u.expiresAt < :before ORDER BY u.expiresAt", MediaUpload.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** @return how many of these uploads were still there */
    public int removeAll(List<UUID> ids) {
        return em.createQuery("DELETE FROM MediaUpload u WHERE u.id IN :ids").setParameter("ids", ids).executeUpdate();
    }
}
