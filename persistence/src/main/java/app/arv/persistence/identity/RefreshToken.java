package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token a {@link UserSession} was given: the SHA-256 (hex) of the random token, never the token. Unused, it
 * is the session's current token; used (exchanged for the next one), it stays so that its reuse is recognised.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {
    }

    public RefreshToken(UUID sessionId, String tokenHash, Instant now) {
        this.sessionId = Objects.requireNonNull(sessionId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = AuditedEntity.stored(now);
    }

    /** Exchanged once: a used token is never exchanged again. */
    void use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("refresh token of session " + sessionId + " was used already");
        }
        usedAt = AuditedEntity.stored(now);
    }

    public String getTokenHash() { return tokenHash; }

    public UUID getSessionId() { return sessionId; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUsedAt() { return usedAt; }
}
