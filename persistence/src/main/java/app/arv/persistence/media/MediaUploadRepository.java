package app.arv.persistence.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaUploadRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public Optional<MediaUpload> find(UUID organizationId, UUID id) {
        return em.createQuery("SELECT u FROM MediaUpload u WHERE u.organizationId = :org AND u.id = :id", MediaUpload.class)
                .setParameter("org", organizationId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public MediaUpload add(MediaUpload upload) {
        em.persist(upload);
        return upload;
    }

    public void remove(MediaUpload upload) {
        em.remove(upload);
    }
}
