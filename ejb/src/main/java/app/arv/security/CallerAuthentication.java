package app.arv.security;

import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a presented credential into a {@link Caller}. A JWT's signature and expiry are checked on
 * every request; who its user, or an API key, is comes from {@link CallerCache} when this node has
 * resolved it lately, else from the database. A revoked key, a deactivated person or organization,
 * an ended session (a JWT's {@code sid}) or a changed role still takes effect on the very next request, on every node: see
 * {@link CredentialChanges}.
 */
@ApplicationScoped
public class CallerAuthentication {

    @Inject
    CallerLookup lookup;

    @Inject
    TokenService tokens;

    @Inject
    CallerCache cache;

    @Inject
    CredentialChanges changes;

    public Caller authenticateBearer(String token) {
        return ApiKeySecret.looksLikeOne(token) ? authenticateApiKey(token) : authenticateJwt(token);
    }

    public Caller authenticateApiKey(String secret) {
        String hash = new ApiKeySecret(secret).hash();
        return resolve(CallerCache.apiKey(hash), () -> lookup.apiKey(hash));
    }

    private Caller authenticateJwt(String token) {
        TokenService.VerifiedToken verified = tokens.verifyToken(token);
        UUID userId = verified.subject();
        UUID sessionId = verified.sessionId();
        Caller caller = resolve(CallerCache.user(userId, sessionId), () -> lookup.user(userId, sessionId));
        if (!caller.acceptsTokenIssuedAt(verified.issuedAt())) {
            throw DomainException.unauthenticated("token_revoked", "The password was changed after this token was issued; sign in again");
        }
        return caller;
    }

    private Caller resolve(String credential, Supplier<Caller> fromDatabase) {
        changes.listen();
        Optional<Caller> known = cache.find(credential);
        if (known.isPresent()) {
            return known.get();
        }
        long readAt = cache.generation();
        Caller caller = fromDatabase.get();
        cache.keep(credential, caller, readAt);
        return caller;
    }
}
