package app.arv.idempotency;

import app.arv.security.Caller;

import java.util.UUID;

/**
 * Whose keys a key is compared with: one organization's one credential (a person, or an API key).
 * Two clients of one organization — two scripts with their own keys, two people — may pick the
 * same key without answering each other's requests, and nobody can read another credential's
 * stored answer by guessing its key.
 *
 * @param credential {@code user:<id>} or {@code key:<id>}
 */
public record IdempotencyScope(UUID organizationId, String credential) {

    public static IdempotencyScope of(Caller caller) {
        String credential = caller.isApiKey() ? "key:" + caller.apiKeyId() : "user:" + caller.userId();
        return new IdempotencyScope(caller.organizationId(), credential);
    }
}
