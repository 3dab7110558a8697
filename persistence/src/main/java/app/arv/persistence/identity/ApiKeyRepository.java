package app.arv.persistence.identity;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository extends TenantRepository<ApiKey> {

    public ApiKeyRepository() {
        super(ApiKey.class);
    }

    /** Authentication looks a key up by the hash of the presented secret; the tenant comes from the key. */
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.secretHash = :hash", ApiKey.class)
                .setParameter("hash", secretHash)
                .getResultStream().findFirst();
    }

    public Page<ApiKey> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }
}
