package app.arv.persistence.webhook;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository extends TenantRepository<Webhook> {

    public WebhookRepository() {
        super(Webhook.class);
    }

    public Page<Webhook> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }

    /** Every organization's webhooks, row-locked until the transaction ends: for sealing their secrets anew. */
    public List<Webhook> lockAll() {
        return em.createQuery("SELECT w FROM Webhook w ORDER BY w.id", Webhook.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * How many webhooks the organization has, for registering one more: its organization row is locked (no key
     * update) until the transaction ends, so two registrations at the same time cannot both pass a limit.
     */
    public long countForRegistration(UUID organizationId) {
        em.createNativeQuery("SELECT id FROM organization WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, organizationId)
                .getResultList();
        return em.createQuery("SELECT COUNT(w) FROM Webhook w WHERE w.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult();
    }

    /**
     * The organization's switched-on webhooks: the candidates for an occurrence (each decides by its events), each
     * key-share-locked until the transaction ends so that deliveries can be written for it — a deletion of one of them
     * waits for this transaction (then takes its deliveries with it), or committed first and it is not among them.
     * Changes of the webhooks (and the senders' writes) are not held up.
     */
    public List<Webhook> enabled(UUID organizationId) {
        List<UUID> ids = lockedForReference("organization_id = ?1 AND enabled", organizationId, null);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT w FROM Webhook w WHERE w.id IN :ids ORDER BY w.createdAt, w.id", Webhook.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * {@link #find}, key-share-locked until the transaction ends, for writing a delivery of it: a deletion waits for
     * this transaction, or committed first and this finds nothing. Changes of the webhook are not held up.
     */
    public Optional<Webhook> findForDelivery(UUID organizationId, UUID id) {
        return lockedForReference("organization_id = ?1 AND id = ?2", organizationId, id).isEmpty()
                ? Optional.empty()
                : find(organizationId, id);
    }

    private List<UUID> lockedForReference(String condition, UUID organizationId, UUID id) {
        Query query = em.createNativeQuery("SELECT id FROM webhook WHERE " + condition + " FOR KEY SHARE").setParameter(1, organizationId);
        if (id != null) {
            query.setParameter(2, id);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }
}
