package app.arv.security;

import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.identity.ApiKeyRepository;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSessionRepository;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The database side of {@link CallerAuthentication}: who a key hash or a user id is, right now. */
@Stateless
public class CallerLookup {

    /** Writing last-used on every request would turn each read into a write; a minute is precise enough. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Inject
    ApiKeyRepository apiKeys;

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserSessionRepository sessions;

    @Inject
    SessionRules sessionRules;

    public Caller apiKey(String secretHash) {
        ApiKey key = apiKeys.findBySecretHash(secretHash)
                .filter(k -> !k.isRevoked())
                .orElseThrow(() -> DomainException.unauthenticated("invalid_api_key", "The API key is unknown or revoked"));
        requireActive(key.getOrganizationId());
        Instant now = Instant.now();
        if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            key.recordUse(now);
        }
        return new Caller(null, key.getId(), key.getOrganizationId(), key.getName(), CallerRole.of(key.getScope()));
    }

    /** @param sessionId the access token's session, which must still hold; {@code null} for tokens from before sessions */
    public Caller user(UUID userId, UUID sessionId) {
        User user = users.findActive(userId)
                .orElseThrow(() -> DomainException.unauthenticated("invalid_token", "The access token is not valid"));
        requireActive(user.getOrganizationId());
        if (sessionId != null && !sessions.isLive(sessionId, userId, Instant.now(), sessionRules.idleTimeout())) {
            throw DomainException.unauthenticated("session_ended", "The session of this access token has ended; sign in again");
        }
        return new Caller(user.getId(), null, user.getOrganizationId(), user.getEmail(),
                CallerRole.of(user), user.getPasswordChangedAt(), sessionId);
    }

    private void requireActive(UUID organizationId) {
        Optional<Organization> organization = organizations.find(organizationId);
        if (organization.isEmpty() || !organization.get().isActive()) {
            throw DomainException.unauthenticated("organization_inactive", "The organization is deactivated");
        }
    }
}
