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

    /** The organization's switched-on webhooks: the candidates for an occurrence (each decides by its events). */
    public List<Webhook> enabled(UUID organizationId) {
        return em.createQuery("SELECT w FROM Webhook w WHERE w.organizationId = :org AND w.enabled = TRUE ORDER BY w.createdAt, w.id",
                Webhook.class).setParameter("org", organizationId).getResultList();
    }
}
