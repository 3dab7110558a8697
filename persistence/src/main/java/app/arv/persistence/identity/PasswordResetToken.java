package app.arv.persistence.identity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A password reset a person asked for: its {@link SingleUseToken} (the hash of what their mail carries) resets a
 * password once ({@link #use}) and only before it expires ({@link #usableAt}).
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Embedded
    @AttributeOverride(name = "issuedAt", column = @Column(name = "created_at", nullable = false, updatable = false))
    private SingleUseToken token;

    protected PasswordResetToken() {
    }

    /** @param lifetime how long the token works from {@code now}; positive */
    public PasswordResetToken(UUID userId, String tokenHash, Instant now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.token = new SingleUseToken(tokenHash, now, lifetime);
    }

    /** Unused and not expired at {@code now} (the expiry instant itself is too late). */
    public boolean usableAt(Instant now) {
        return token.usableAt(now);
    }

    /** Spends the token; a spent token is never usable again. */
    public void use(Instant now) {
        token.use(now);
    }

    public UUID getId() { return id; }

    public UUID getUserId() { return userId; }

    public String getTokenHash() { return token.getHash(); }

    public Instant getExpiresAt() { return token.getExpiresAt(); }

    public Instant getUsedAt() { return token.getUsedAt(); }
}
