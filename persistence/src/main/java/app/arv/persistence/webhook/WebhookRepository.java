package app.arv.persistence.webhook;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository extends TenantRepository<Webhook> {

    public WebhookRepository() {
        super(Webhook.class);
    }

    public Page<Webhook> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
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

    /** The organization's switched-on webhooks: the candidates for an occurrence (each decides by its events). */
    public List<Webhook> enabled(UUID organizationId) {
        return em.createQuery("SELECT w FROM Webhook w WHERE w.organizationId = :org AND w.enabled = TRUE ORDER BY w.createdAt, w.id",
                Webhook.class).setParameter("org", organizationId).getResultList();
    }
}
