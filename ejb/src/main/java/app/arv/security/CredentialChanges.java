package app.arv.security;

import app.arv.events.AfterCommit;
import app.arv.events.OrganizationEventHub;
import app.arv.events.PatternSubscription;
import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import app.arv.events.SubscriptionOnce;
import app.arv.security.CallerCache.Change;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Tells every node's {@link CallerCache} that a credential changed, once the change is committed:
 * this node's cache directly (so the next request here sees it even without Redis), the others over
 * the Redis channel {@code arv:credentials} ({@link RedisKeys#CREDENTIAL_CHANGES}). A node whose subscription is down caches nothing until it is
 * back (and then starts empty), so a notice it missed can't leave a revoked credential working.
 */
@ApplicationScoped
public class CredentialChanges {

    private static final String CHANNEL = RedisKeys.CREDENTIAL_CHANGES.prefix();
    private static final Logger LOG = Logger.getLogger(CredentialChanges.class.getName());

    @Inject
    CallerCache cache;

    @Inject
    CallerCacheRules rules;

    @Inject
    RedisConnection redis;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OrganizationEventHub liveConnections;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SubscriptionOnce subscription = new SubscriptionOnce();

    public void keyRevoked(UUID keyId) {
        announce(new Change(Change.Kind.KEY, keyId));
    }

    /** Role, activity or password of a person changed. */
    public void userChanged(UUID userId) {
        announce(new Change(Change.Kind.USER, userId));
    }

    /** A session ended (logout, signed out elsewhere, reuse of a refresh token): its access tokens are refused. */
    public void sessionEnded(UUID sessionId) {
        announce(new Change(Change.Kind.SESSION, sessionId));
    }

    /** An organization was (de)activated: all its people and keys are affected. */
    public void organizationChanged(UUID organizationId) {
        announce(new Change(Change.Kind.ORGANIZATION, organizationId));
    }

    private void announce(Change change) {
        afterCommit.run(() -> {
            apply(change);
            try {
                redis.client().publish(CHANNEL, change.toString());
            } catch (RuntimeException e) {
                // Other nodes whose Redis is away too have stopped caching; the TTL covers the rest.
                LOG.warning("Credential change " + change + " not announced to other nodes (Redis unavailable): " + e);
            }
        });
    }

    /** Starts hearing other nodes' changes (once); until the subscription is up the cache keeps nothing. */
    public void listen() {
        subscription.start(() -> new PatternSubscription(redis, CHANNEL,
                (channel, message) -> Change.parse(message).ifPresent(this::apply), cache::resume, cache::suspend), started -> {
                    Duration sweep = rules.ttl().isZero() || rules.ttl().isNegative() ? Duration.ofMinutes(1) : rules.ttl();
                    started.start(threads, "arv-credential-changes", scheduler, sweep, cache::dropExpired);
                });
    }

    /** Into this node's cache, and to the live connections this node holds open on a credential (they check it again). */
    private void apply(Change change) {
        cache.apply(change);
        liveConnections.recheckListeners();
    }

    @PreDestroy
    void stop() {
        subscription.stop();
        cache.suspend();
    }
}
