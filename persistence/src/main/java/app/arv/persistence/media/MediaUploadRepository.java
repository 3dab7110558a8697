package app.arv.persistence.media;

import app.arv.persistence.shared.OrganizationScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaUploadRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public Optional<MediaUpload> find(UUID organizationId, UUID id) {
        return OrganizationScoped.find(em, MediaUpload.class, organizationId, id);
    }

    /** The upload, row-locked until the transaction ends: completions of one upload take turns. */
    public Optional<MediaUpload> lock(UUID organizationId, UUID id) {
        return OrganizationScoped.lock(em, MediaUpload.class, organizationId, id);
    }

    /** Platform job: direct uploads whose URL expired (completed or not: the upload key goes either way). */
    public List<MediaUpload> expiredAcrossOrganizations(Instant before, int limit) {
        return em.createQuery("SELECT u FROM MediaUpload u WHERE u.expiresAt < :before ORDER BY u.expiresAt", MediaUpload.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    public MediaUpload add(MediaUpload upload) {
        em.persist(upload);
        return upload;
    }

    public void remove(MediaUpload upload) {
        em.remove(upload);
    }

    /** @return how many of these uploads were still there */
    public int removeAll(List<UUID> ids) {
        return em.createQuery("DELETE FROM MediaUpload u WHERE u.id IN :ids").setParameter("ids", ids).executeUpdate();
    }
}
