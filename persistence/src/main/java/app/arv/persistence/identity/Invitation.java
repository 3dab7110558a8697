package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An org admin's invitation of an e-mail address into their organization with a role. Its mailed link is a
 * {@link SingleUseToken}: accepting spends it ({@link #accept}), a resend replaces it ({@link #reissue}), a revocation
 * ends the invitation early ({@link #revoke}). Its {@link Status} follows from those and the clock.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends TenantEntity {

    /** Where an invitation stands; only a pending one can be accepted. */
    public enum Status {
        PENDING, ACCEPTED, REVOKED, EXPIRED
    }

    @Column(nullable = false, length = 254, updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Role role;

    @Column(name = "display_name", length = 200, updatable = false)
    private String displayName;

    /** The language of its mails ({@code en}, {@code ru}). */
    @Column(nullable = false, length = 8, updatable = false)
    private String locale;

    /** The admin who invited; null for an admin API key (or once that person is gone). */
    @Column(name = "invited_by", updatable = false)
    private UUID invitedBy;

    @Embedded
    @AttributeOverride(name = "issuedAt", column = @Column(name = "sent_at", nullable = false))
    private SingleUseToken token;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invitation() {
    }

    public Invitation(UUID organizationId, String email, Role role, String displayName, String locale, UUID invitedBy,
            SingleUseToken token) {
        super(UUID.randomUUID(), organizationId);
        this.email = Objects.requireNonNull(email);
        this.role = Objects.requireNonNull(role);
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        this.locale = Objects.requireNonNull(locale);
        this.invitedBy = invitedBy;
        this.token = Objects.requireNonNull(token);
    }

    public Status statusAt(Instant now) {
        if (token.getUsedAt() != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return token.usableAt(now) ? Status.PENDING : Status.EXPIRED;
    }

    /** Neither accepted nor revoked (pending or expired): it can be resent or revoked, and it blocks a second invite. */
    public boolean isOpen() {
        return token.getUsedAt() == null && revokedAt == null;
    }

    /** Spends the link: the person now exists. Only a pending invitation can be accepted. */
    public void accept(Instant now) {
        if (statusAt(now) != Status.PENDING) {
            throw new IllegalStateException("invitation " + getId() + " is " + statusAt(now));
        }
        token.use(now);
    }

    /** A new link (the old one stops working) with a new lifetime; only while open. */
    public void reissue(String tokenHash, Instant now, Duration lifetime) {
        if (!isOpen()) {
            throw new IllegalStateException("invitation " + getId() + " is closed");
        }
        token = new SingleUseToken(tokenHash, now, lifetime);
    }

    /** Ends an open invitation; its link stops working. Revoking a revoked one changes nothing. */
    public void revoke(Instant now) {
        if (token.getUsedAt() != null) {
            throw new IllegalStateException("invitation " + getId() + " is accepted");
        }
        if (revokedAt == null) {
            revokedAt = AuditedEntity.stored(now);
        }
    }

    public String getEmail() { return email; }

    public Role getRole() { return role; }

    public String getDisplayName() { return displayName; }

    public String getLocale() { return locale; }

    public UUID getInvitedBy() { return invitedBy; }

    public Instant getSentAt() { return token.getIssuedAt(); }

    public Instant getExpiresAt() { return token.getExpiresAt(); }

    public Instant getAcceptedAt() { return token.getUsedAt(); }

    public Instant getRevokedAt() { return revokedAt; }
}
