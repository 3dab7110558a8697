package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The token of a mailed link (password reset, invitation, sign-up verification): the SHA-256 (hex) of the random
 * text the link carries, never the text itself; it works once ({@link #use}) and only before it expires
 * ({@link #usableAt}). Embedded in the entity the link is for; {@code issued_at} is named by each embedder.
 */
@Embeddable
public class SingleUseToken {

    @Column(name = "token_hash", nullable = false, length = 64)
    private String hash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected SingleUseToken() {
    }

    /** @param lifetime how long the token works from {@code now}; positive */
    public SingleUseToken(String hash, Instant now, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a link's token must live a while: " + lifetime);
        }
        this.hash = Objects.requireNonNull(hash);
        this.issuedAt = AuditedEntity.stored(now);
        this.expiresAt = AuditedEntity.stored(now.plus(lifetime));
    }

    /** Unused and not expired at {@code now} (the expiry instant itself is too late). */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the token; a spent token is never usable again. */
    public void use(Instant now) {
        if (!usableAt(now)) {
            throw new IllegalStateException("the token is used or expired");
        }
        usedAt = AuditedEntity.stored(now);
    }

    public String getHash() { return hash; }

    public Instant getIssuedAt() { return issuedAt; }

    public Instant getExpiresAt() { return expiresAt; }

    public Instant getUsedAt() { return usedAt; }
}
