package app.arv.identity;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.identity.ApiKey;
import app.arv.shared.Jsonp;

import java.time.Instant;

/**
 * What an API key's life tells the organization's admins and webhooks, as {@link Occurrence}s: never the key's secret or
 * hash, only what identifies it. Built here, fired by {@link ApiKeyService} through {@code notification.Occurrences}.
 */
public final class ApiKeyOccurrences {

    private ApiKeyOccurrences() {
    }

    /** The key was created, at its creation. */
    public static Occurrence created(ApiKey key) {
        return of(OccurrenceType.API_KEY_CREATED, key, key.getCreatedAt());
    }

    /** The key was revoked, at its revocation. */
    public static Occurrence revoked(ApiKey key) {
        return of(OccurrenceType.API_KEY_REVOKED, key, key.getRevokedAt());
    }

    private static Occurrence of(OccurrenceType type, ApiKey key, Instant at) {
        return new Occurrence(key.getOrganizationId(), type, key.getId(), at, Jsonp.createObjectBuilder()
                .add("api_key_id", key.getId().toString())
                .add("name", key.getName())
                .add("scope", key.getScope().name())
                .add("prefix", key.getPrefix())
                .build());
    }
}
