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

    /** Nothing to ask before a lookup ({@link #authenticateBearer(String, Runnable)}). */
    public static final Runnable UNGUARDED = () -> {
    };

    @Inject
    CallerLookup lookup;

    @Inject
    TokenService tokens;

    @Inject
    CallerCache cache;

    @Inject
    CredentialChanges changes;

    public Caller authenticateBearer(String token) {
        return authenticateBearer(token, UNGUARDED);
    }

    /**
     * @param beforeLookup run before a credential this node does not know is looked up in the database (the costly
     *        part, and all a made-up credential gets): it may refuse by throwing
     */
    public Caller authenticateBearer(String token, Runnable beforeLookup) {
        return ApiKeySecret.looksLikeOne(token) ? authenticateApiKey(token, beforeLookup) : authenticateJwt(token, beforeLookup);
    }

    public Caller authenticateApiKey(String secret) {
        return authenticateApiKey(secret, UNGUARDED);
    }

    /** @param beforeLookup as for {@link #authenticateBearer(String, Runnable)} */
    public Caller authenticateApiKey(String secret, Runnable beforeLookup) {
        String hash = new ApiKeySecret(secret).hash();
        return resolve(CallerCache.apiKey(hash), () -> lookup.apiKey(hash), beforeLookup);
    }

    private Caller authenticateJwt(String token, Runnable beforeLookup) {
        TokenService.VerifiedToken verified = tokens.verifyToken(token);
        UUID userId = verified.subject();
        UUID sessionId = verified.sessionId();
        Caller caller = resolve(CallerCache.user(userId, sessionId), () -> lookup.user(userId, sessionId), beforeLookup);
        if (!caller.acceptsTokenIssuedAt(verified.issuedAt())) {
            throw DomainException.unauthenticated("token_revoked", "The password was changed after this token was issued; sign in again");
        }
        return caller;
    }

    private Caller resolve(String credential, Supplier<Caller> fromDatabase, Runnable beforeLookup) {
        changes.listen();
        Optional<Caller> known = cache.find(credential);
        if (known.isPresent()) {
            return known.get();
        }
        beforeLookup.run();
        long readAt = cache.generation();
        Caller caller = fromDatabase.get();
        cache.keep(credential, caller, readAt);
        return caller;
    }
}
