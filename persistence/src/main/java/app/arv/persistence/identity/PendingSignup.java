package app.arv.persistence.identity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A self-service sign-up waiting for its e-mail address to be verified: the organization and first admin asked for,
 * the password already as its hash, and the {@link SingleUseToken} of the verification link.
 */
@Entity
@Table(name = "pending_signup")
public class PendingSignup {

    @Id
    private UUID id;

    @Column(name = "organization_name", nullable = false, length = 200, updatable = false)
    private String organizationName;

    @Column(nullable = false, length = 254, updatable = false)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200, updatable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100, updatable = false)
    private String passwordHash;

    @Column(nullable = false, length = 8, updatable = false)
    private String locale;

    @Embedded
    @AttributeOverride(name = "issuedAt", column = @Column(name = "created_at", nullable = false, updatable = false))
    private SingleUseToken token;

    protected PendingSignup() {
    }

    public PendingSignup(String organizationName, String email, String displayName, String passwordHash, String locale,
            SingleUseToken token) {
        this.id = UUID.randomUUID();
        this.organizationName = Objects.requireNonNull(organizationName).strip();
        this.email = Objects.requireNonNull(email).strip();
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.locale = Objects.requireNonNull(locale);
        this.token = Objects.requireNonNull(token);
    }

    public boolean usableAt(Instant now) {
        return token.usableAt(now);
    }

    /** Spends the verification link: the organization now exists. */
    public void use(Instant now) {
        token.use(now);
    }

    public UUID getId() { return id; }

    public String getOrganizationName() { return organizationName; }

    public String getEmail() { return email; }

    public String getDisplayName() { return displayName; }

    public String getPasswordHash() { return passwordHash; }

    public String getLocale() { return locale; }

    public Instant getExpiresAt() { return token.getExpiresAt(); }
}
