package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed-in device of a person: the family of {@link RefreshToken}s that rotate within it, what the person sees of
 * the device (user agent, client address, when it signed in and was last used) and whether it still holds. The rules
 * of a refresh — rotate, refuse a race's loser, end the family on reuse — are {@link #judge}'s.
 */
@Entity
@Table(name = "user_session")
public class UserSession {

    /** Within this of a rotation, the rotated token presented again is a second request racing the first, not theft. */
    public static final Duration RACE_LEEWAY = Duration.ofSeconds(5);
    static final int USER_AGENT_MAX = 512;
    static final int CLIENT_ADDRESS_MAX = 64;

    /** Why a session was ended early, as stored. */
    public enum EndReason {
        LOGOUT, SIGNED_OUT_ELSEWHERE, PASSWORD_CHANGED, PASSWORD_RESET, DEACTIVATED, TOKEN_REUSED
    }

    /** What a presented refresh token earns. */
    public enum Refresh {
        /** The session's current token in a live session: rotate it. */
        ROTATE,
        /** The token rotated a moment ago, presented again: refuse, the session stays. */
        RACE_LOST,
        /** A token rotated earlier presented again: someone holds a copy, end the session. */
        REUSED,
        /** The session is over (revoked, expired, idle too long). */
        ENDED
    }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "user_agent", length = USER_AGENT_MAX)
    private String userAgent;

    @Column(name = "client_address", length = CLIENT_ADDRESS_MAX)
    private String clientAddress;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 32)
    private String revokedReason;

    @Column(name = "previous_token_hash", length = 64)
    private String previousTokenHash;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected UserSession() {
    }

    /** @param lifetime how long the session may last from {@code now}, however often it is used; positive */
    public UserSession(UUID userId, String userAgent, String clientAddress, Instant now, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a session must live a while: " + lifetime);
        }
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.createdAt = AuditedEntity.stored(now);
        this.lastUsedAt = createdAt;
        this.expiresAt = AuditedEntity.stored(now.plus(lifetime));
        seenFrom(userAgent, clientAddress);
    }

    /** Not revoked, not past its lifetime, and used within {@code idle} (the instants themselves are too late). */
    public boolean liveAt(Instant now, Duration idle) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idle));
    }

    /** What presenting {@code token} (one of this session's) at {@code now} earns. */
    public Refresh judge(RefreshToken token, Instant now, Duration idle) {
        if (!token.getSessionId().equals(id)) {
            throw new IllegalArgumentException("token of session " + token.getSessionId() + " judged by " + id);
        }
        if (!liveAt(now, idle)) {
            return Refresh.ENDED;
        }
        if (token.getUsedAt() == null) {
            return Refresh.ROTATE;
        }
        boolean justRotated = token.getTokenHash().equals(previousTokenHash) && rotatedAt != null
                && now.isBefore(rotatedAt.plus(RACE_LEEWAY));
        return justRotated ? Refresh.RACE_LOST : Refresh.REUSED;
    }

    /** {@code token} was exchanged for a new one at {@code now}, by a client seen as given. */
    public void rotated(RefreshToken token, Instant now, String userAgent, String clientAddress) {
        token.use(now);
        previousTokenHash = token.getTokenHash();
        rotatedAt = AuditedEntity.stored(now);
        lastUsedAt = rotatedAt;
        seenFrom(userAgent, clientAddress);
    }

    public void revoke(Instant now, EndReason reason) {
        if (revokedAt == null) {
            revokedAt = AuditedEntity.stored(now);
            revokedReason = reason.name();
        }
    }

    private void seenFrom(String agent, String address) {
        this.userAgent = cut(agent, USER_AGENT_MAX);
        this.clientAddress = cut(address, CLIENT_ADDRESS_MAX);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public UUID getId() { return id; }

    public UUID getUserId() { return userId; }

    public String getUserAgent() { return userAgent; }

    public String getClientAddress() { return clientAddress; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getLastUsedAt() { return lastUsedAt; }

    public Instant getExpiresAt() { return expiresAt; }

    public Instant getRevokedAt() { return revokedAt; }

    public String getRevokedReason() { return revokedReason; }
}
