package app.arv.identity;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.notification.Occurrences;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.identity.ApiKeyRepository;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.ApplicationMetric;
import app.arv.security.ApiKeySecret;
import app.arv.security.Caller;
import app.arv.security.CredentialChanges;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.UUID;

/** Machine credentials of an organization: issued once, listed by prefix, revoked for good. */
@Stateless
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    MetricRegistry metrics;

    @Inject
    CredentialChanges changes;

    @Inject
    AuditTrail audit;

    @Inject
    Occurrences occurrences;

    public Page<ApiKey> list(Caller caller, PageRequest page) {
        return keys.list(caller.organizationId(), page);
    }

    public ApiKey get(Caller caller, UUID id) {
        return keys.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("API key"));
    }

    public IssuedKey issue(Caller caller, String name, ApiKeyScope scope) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = keys.add(new ApiKey(caller.organizationId(), name.strip(), scope, secret.prefix(), secret.hash(), caller.userId()));
        ApplicationMetric.API_KEYS_ISSUED.counter(metrics).inc();
        audit.record(caller, AuditAction.API_KEY_CREATED, key.getId(), AuditDetails.with("name", key.getName()).and("scope", scope));
        occurrences.fire(ApiKeyOccurrences.created(key));
        return new IssuedKey(key, secret.value());
    }

    /**
     * Revokes the key once: decided on the key row-locked, so of two revocations at the same moment the second waits
     * and finds it revoked — one audit entry, one notification, one webhook event.
     */
    public void revoke(Caller caller, UUID id) {
        ApiKey key = keys.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("API key"));
        if (!key.isRevoked()) {
            key.revoke(Instant.now());
            audit.record(caller, AuditAction.API_KEY_REVOKED, id, AuditDetails.with("name", key.getName()));
            occurrences.fire(ApiKeyOccurrences.revoked(key));
        }
        changes.keyRevoked(id);
    }

    /** The only moment the secret exists outside the caller's hands. */
    public record IssuedKey(ApiKey key, String secret) {
    }
}
