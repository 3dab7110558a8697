package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A machine credential of an organization. Only a hash of the secret is kept: the secret itself is
 * shown once, when the key is created; the prefix lets people recognise a key in listings.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends TenantRecord {

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApiKeyScope scope;

    @Column(nullable = false, length = 16, updatable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
    private String secretHash;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(UUID organizationId, String name, ApiKeyScope scope, String prefix, String secretHash, UUID createdBy) {
        super(UUID.randomUUID(), organizationId);
        this.name = name;
        this.scope = scope;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
    }

    public boolean isRevoked() { return revokedAt != null; }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = AuditedEntity.stored(at);
        }
    }

    public void recordUse(Instant at) {
        lastUsedAt = AuditedEntity.stored(at);
    }

    public String getName() { return name; }

    public ApiKeyScope getScope() { return scope; }

    public String getPrefix() { return prefix; }

    public String getSecretHash() { return secretHash; }

    public UUID getCreatedBy() { return createdBy; }

    public Instant getLastUsedAt() { return lastUsedAt; }

    public Instant getRevokedAt() { return revokedAt; }
}
