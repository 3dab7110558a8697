package app.arv.persistence.identity;

import app.arv.persistence.shared.OrganizationScoped;
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
        return OrganizationScoped.find(em, ApiKey.class, organizationId, id);
    }

    public Page<ApiKey> list(UUID organizationId, PageRequest page) {
        return OrganizationScoped.oldestFirst(em, ApiKey.class, organizationId, page);
    }

    public ApiKey add(ApiKey key) {
        em.persist(key);
        return key;
    }
}
