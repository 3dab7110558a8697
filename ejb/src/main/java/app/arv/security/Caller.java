package app.arv.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making the current request, resolved from a JWT or an API key. Every service call that
 * touches tenant data takes one, so the organization can never be forgotten in a query.
 *
 * @param userId         the person, or {@code null} for an API key
 * @param apiKeyId       the key, or {@code null} for a person
 * @param organizationId the tenant the caller acts for
 * @param name           e-mail address or key name, for logs and {@code /me}
 * @param roles          {@link CallerRole} names
 * @param passwordChangedAt for a person, when their password was last set: access tokens issued before are refused;
 *                       {@code null} when it never changed (and for keys)
 * @param sessionId      for a person, the session (sign-in) the access token belongs to; {@code null} for keys and for
 *                       tokens issued before there were sessions
 */
public record Caller(UUID userId, UUID apiKeyId, UUID organizationId, String name, Set<String> roles, Instant passwordChangedAt,
        UUID sessionId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(UUID userId, UUID apiKeyId, UUID organizationId, String name, Set<String> roles, Instant passwordChangedAt) {
        this(userId, apiKeyId, organizationId, name, roles, passwordChangedAt, null);
    }

    public Caller(UUID userId, UUID apiKeyId, UUID organizationId, String name, Set<String> roles) {
        this(userId, apiKeyId, organizationId, name, roles, null, null);
    }

    /** Whether an access token issued at {@code issuedAt} still speaks for this person (not if the password changed since). */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        return passwordChangedAt == null || !issuedAt.isBefore(passwordChangedAt);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller holds every right of an account with {@code otherRoles}. Taking over an
     * account (its password, role or activity) gives its rights, so nobody may manage an account
     * that can do more than they can: an organization admin, person or key, never a platform admin.
     */
    public boolean covers(Set<String> otherRoles) {
        return roles.containsAll(otherRoles);
    }

    public boolean isApiKey() { return apiKeyId != null; }

    /** Which organizations' records this caller may see: every one for a platform admin, else its own. */
    public VisibleOrganizations visibleOrganizations() {
        return VisibleOrganizations.of(this);
    }
}
