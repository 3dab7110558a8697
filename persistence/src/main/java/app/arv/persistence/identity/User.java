package app.arv.persistence.identity;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A person who signs in with e-mail and password and acts for exactly one organization. */
@Entity
@Table(name = "app_user")
public class User extends TenantEntity {

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    /** Operators of the ARV installation itself; they manage organizations. */
    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(nullable = false)
    private boolean active = true;

    /** Millisecond precision, like the issue time access tokens carry; null until the password is first changed. */
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "display_name", length = 200)
    private String displayName;

    /** The language ARV writes to this person in ({@code en}, {@code ru}); null: whatever a request prefers. */
    @Column(length = 8)
    private String locale;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected User() {
    }

    public User(UUID organizationId, String email, String passwordHash, Role role) {
        super(UUID.randomUUID(), organizationId);
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    public static User platformAdmin(UUID organizationId, String email, String passwordHash) {
        User user = new User(organizationId, email, passwordHash, Role.ADMIN);
        user.platformAdmin = true;
        return user;
    }

    public String getEmail() { return email; }

    public String getPasswordHash() { return passwordHash; }

    /**
     * A new password: access tokens issued before now stop being accepted. To the millisecond, coarser than
     * {@link AuditedEntity#now} (so still what PostgreSQL keeps): tokens carry their issue time in milliseconds, and the
     * token issued with the change, in the same millisecond, must not count as issued before it.
     */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = AuditedEntity.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The same password, hashed anew (at another bcrypt cost): not a change, so tokens and sessions stay as they are.
     */
    public void rehashPassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getPasswordChangedAt() { return passwordChangedAt; }

    public String getDisplayName() { return displayName; }

    /** @param displayName blank clears it */
    public void setDisplayName(String displayName) {
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    public String getLocale() { return locale; }

    public void setLocale(String locale) { this.locale = locale; }

    public Role getRole() { return role; }

    public void setRole(Role role) { this.role = role; }

    public boolean isPlatformAdmin() { return platformAdmin; }

    public boolean isActive() { return active; }

    public void setActive(boolean active) { this.active = active; }

    /**
     * Whether this change (a new role and/or activity; {@code null}: unchanged) would take away an
     * active admin from the organization, which must keep at least one.
     */
    public boolean wouldStopBeingAnActiveAdmin(Role newRole, Boolean newActive) {
        return role == Role.ADMIN && active
                && ((newRole != null && newRole != Role.ADMIN) || Boolean.FALSE.equals(newActive));
    }

    public Instant getLastLoginAt() { return lastLoginAt; }

    public void recordLogin(Instant at) {
        this.lastLoginAt = AuditedEntity.stored(at);
    }
}
