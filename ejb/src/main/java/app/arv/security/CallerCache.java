package app.arv.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's memory of credentials it has resolved (API key hash or user id → {@link Caller}), so an
 * authenticated read doesn't pay two database queries and a transaction before its own work.
 * A {@link Change} (revoked key, changed user, (de)activated organization, ended session) drops every affected
 * entry on every node at once ({@link CredentialChanges}); entries also expire after
 * {@link CallerCacheRules#ttl()} in case a change notice was lost. While the node can't hear change
 * notices it keeps nothing.
 *
 * <p>A lookup that started before a change must not store what it read: {@link #generation()} is
 * taken before the database is read, every change advances it, and {@link #keep} drops an entry
 * whose generation has moved on.
 */
@ApplicationScoped
public class CallerCache {

    /** Writing last-used needs a database visit: an API key's entry is re-read at least this often. */
    static final Duration API_KEY_MAX_AGE = Duration.ofMinutes(1);

    /** Something that changes what a credential may do, and which cached callers it affects. */
    public record Change(Kind kind, UUID id) {

        public enum Kind {
            KEY, USER, ORGANIZATION, SESSION
        }

        boolean affects(Caller caller) {
            return switch (kind) {
                case KEY -> id.equals(caller.apiKeyId());
                case USER -> id.equals(caller.userId());
                case ORGANIZATION -> id.equals(caller.organizationId());
                case SESSION -> id.equals(caller.sessionId());
            };
        }

        /** {@code key:<uuid>}, {@code user:<uuid>}, {@code organization:<uuid>} or {@code session:<uuid>}, as sent between nodes. */
        public static Optional<Change> parse(String text) {
            int colon = text.indexOf(':');
            try {
                return Optional.of(new Change(Kind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)),
                        UUID.fromString(text.substring(colon + 1))));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
        }
    }

    private record Entry(Caller caller, long expiresAtNanos) {
    }

    @Inject
    CallerCacheRules rules;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean enabled;

    public static String apiKey(String secretHash) {
        return "key:" + secretHash;
    }

    public static String user(UUID userId) {
        return "user:" + userId;
    }

    /** A person's access tokens of one session (whether the session holds is part of what is cached). */
    public static String user(UUID userId, UUID sessionId) {
        return sessionId == null ? user(userId) : "user:" + userId + "/" + sessionId;
    }

    public Optional<Caller> find(String credential) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry entry = entries.get(credential);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() >= 0) {
            entries.remove(credential, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Read before looking a credential up in the database; hand it to {@link #keep}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps {@code caller} unless a change has happened since {@code readAt} (then it may be stale). */
    public void keep(String credential, Caller caller, long readAt) {
        Duration ttl = caller.isApiKey() && rules.ttl().compareTo(API_KEY_MAX_AGE) > 0 ? API_KEY_MAX_AGE : rules.ttl();
        if (!enabled || ttl.isZero() || ttl.isNegative() || entries.size() >= rules.maxEntries()) {
            return;
        }
        Entry entry = new Entry(caller, System.nanoTime() + ttl.toNanos());
        entries.put(credential, entry);
        // Put, then check: a change advances the generation before it removes, so either it removes this entry or we see it.
        if (generation.get() != readAt) {
            entries.remove(credential, entry);
        }
    }

    public void apply(Change change) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> change.affects(entry.caller()));
    }

    /** Change notices may be missed from now on: forget everything and keep nothing. */
    public void suspend() {
        enabled = false;
        generation.incrementAndGet();
        entries.clear();
    }

    /** Change notices arrive again; whatever was missed meanwhile is forgotten with everything else. */
    public void resume() {
        generation.incrementAndGet();
        entries.clear();
        enabled = true;
    }

    public void dropExpired() {
        long now = System.nanoTime();
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }

    int size() {
        return entries.size();
    }
}
