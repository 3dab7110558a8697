package app.arv.persistence.identity;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /** Authentication looks a key up by the hash of the presented secret; the tenant comes from the key. */
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.secretHash = :hash", ApiKey.class)
                .setParameter("hash", secretHash)
                .getResultStream().findFirst();
    }

    public Optional<ApiKey> find(UUID organizationId, UUID id) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.organizationId = :org AND k.id = :id", ApiKey.class)
                .setParameter("org", organizationId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public Page<ApiKey> list(UUID organizationId, PageRequest page) {
        var items = em.createQuery(
                "SELECT k FROM ApiKey k WHERE k.organizationId = :org ORDER BY k.createdAt, k.id", ApiKey.class)
                .setParameter("org", organizationId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("SELECT COUNT(k) FROM ApiKey k WHERE k.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult();
        return new Page<>(items, total, page.limit(), page.offset());
    }

    public ApiKey add(ApiKey key) {
        em.persist(key);
        return key;
    }
}
