package app.arv.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A password reset a person asked for: the SHA-256 (hex) of the random token their mail carries, never the token
 * itself. It resets a password once ({@link #use}) and only before it expires ({@link #usableAt}).
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
    }

    /** @param lifetime how long the token works from {@code now}; positive */
    public PasswordResetToken(UUID userId, String tokenHash, Instant now, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a reset token must live a while: " + lifetime);
        }
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** Unused and not expired at {@code now} (the expiry instant itself is too late). */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the token; a spent token is never usable again. */
    public void use(Instant now) {
        if (!usableAt(now)) {
            throw new IllegalStateException("token " + id + " is used or expired");
        }
        usedAt = now;
    }

    public UUID getId() { return id; }

    public UUID getUserId() { return userId; }

    public String getTokenHash() { return tokenHash; }

    public Instant getExpiresAt() { return expiresAt; }

    public Instant getUsedAt() { return usedAt; }
}
