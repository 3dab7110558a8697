package app.arv.protection;

import app.arv.events.RedisKeys;
import app.arv.protection.RateLimiter.Bucket;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whose bucket a request takes from, and its windows: a credential's (the API key, or the user of a
 * JWT) with its organization's limits; a client address's for anonymous calls; the public viewer's
 * per client address — an IPv6 client's whole /64 counting as one address ({@link ClientNetwork}).
 * An authenticated request takes from its organization's bucket too, shared by all its credentials, so more API keys
 * or people do not multiply the organization's allowance. Uploads take from a second, smaller bucket of the credential
 * as well.
 */
@ApplicationScoped
public class RequestLimits {

    /**
     * An organization's overrides are read from the database at most this often per node; a change
     * made on this node applies at once ({@link #forget}), on other nodes within this time.
     */
    private static final Duration OVERRIDES_KEPT = Duration.ofSeconds(10);

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitRules rules;

    @Inject
    Quotas quotas;

    private final Map<UUID, Kept> limitsByOrganization = new ConcurrentHashMap<>();

    /** A request of an authenticated caller; {@code upload}: it carries files. */
    public Verdict admit(Caller caller, boolean upload) {
        return whenSwitchedOn(() -> admitted(caller, upload));
    }

    private Verdict admitted(Caller caller, boolean upload) {
        QuotaLimits limits = limitsOf(caller.organizationId());
        String credential = caller.isApiKey() ? "key:" + caller.apiKeyId() : "user:" + caller.userId();
        Bucket own = new Bucket(RedisKeys.RATE_LIMITS.key(credential), general(limits));
        Bucket organization = new Bucket(RedisKeys.RATE_LIMITS.key("organization", caller.organizationId()), List.of(
                Window.perMinute(limits.organizationRequestsPerMinute()), Window.perHour(limits.organizationRequestsPerHour())), true);
        if (!upload) {
            return limiter.take(List.of(own, organization));
        }
        // All or none: an upload a general limit refuses must not use up the upload allowance too.
        return limiter.take(List.of(new Bucket(RedisKeys.RATE_LIMITS.key("upload", credential), List.of(Window.perMinute(limits.uploadsPerMinute()))),
                own, organization));
    }

    /**
     * A request without credentials, by client address (its {@link ClientNetwork}), at the installation's default
     * limits. A request whose credential was refused is one too: it is no caller's, and it cost a lookup.
     */
    public Verdict admitAnonymous(String clientAddress) {
        return whenSwitchedOn(() -> limiter.take(anonymousBucket(clientAddress), anonymous()));
    }

    /** Where the client address's anonymous bucket stands, without taking from it (refused when it is spent). */
    public Verdict anonymousStanding(String clientAddress) {
        return whenSwitchedOn(() -> limiter.peek(anonymousBucket(clientAddress), anonymous()));
    }

    /**
     * Checks a credential for a client address, with refusals charged: a refused credential (401) counts against the
     * address's anonymous bucket, as a request of nobody that cost a lookup; once that bucket is spent the answer is 429
     * {@code rate_limited} and a credential the node has not cached is not even looked up. {@code told} hears every
     * verdict that decided the answer (the refused request's count, or the spent bucket), for the client's headers.
     *
     * @param authenticate the check, given what to run before a lookup
     */
    public Caller chargingRefusals(String clientAddress, Function<Runnable, Caller> authenticate, Consumer<Verdict> told) {
        try {
            return authenticate.apply(() -> refuseIfSpent(anonymousStanding(clientAddress), told));
        } catch (DomainException refused) {
            if (refused.status() != 401) {
                throw refused;
            }
            Verdict charged = admitAnonymous(clientAddress);
            refuseIfSpent(charged, told);
            told.accept(charged);
            throw refused;
        }
    }

    private static void refuseIfSpent(Verdict verdict, Consumer<Verdict> told) {
        if (!verdict.allowed()) {
            told.accept(verdict);
            throw LimitExceeded.rateLimited(verdict);
        }
    }

    /** A public viewer request, by client address (its {@link ClientNetwork}). */
    public Verdict admitViewer(String clientAddress) {
        return whenSwitchedOn(() -> limiter.take(viewerBucket(clientAddress), viewer()));
    }

    /** Where the client address's viewer bucket stands, without taking from it (refused when it is spent). */
    public Verdict viewerStanding(String clientAddress) {
        return whenSwitchedOn(() -> limiter.peek(viewerBucket(clientAddress), viewer()));
    }

    /** Rate limits switched off ({@code arv.rate-limit.enabled=false}): nothing is counted, every request is unchecked. */
    private Verdict whenSwitchedOn(Supplier<Verdict> check) {
        return rules.enabled() ? check.get() : Verdict.unchecked();
    }

    private static String viewerBucket(String clientAddress) {
        return RedisKeys.VIEWER_RATE_LIMITS.key(ClientNetwork.of(clientAddress));
    }

    private static String anonymousBucket(String clientAddress) {
        return RedisKeys.RATE_LIMITS.key("address", ClientNetwork.of(clientAddress));
    }

    private List<Window> viewer() {
        return List.of(Window.perMinute(rules.viewerPerMinute()));
    }

    /** The organization's limits changed: read them again on the next request. */
    public void forget(UUID organizationId) {
        limitsByOrganization.remove(organizationId);
    }

    private List<Window> anonymous() {
        return List.of(Window.perMinute(rules.perMinute()), Window.perHour(rules.perHour()));
    }

    private static List<Window> general(QuotaLimits limits) {
        return List.of(Window.perMinute(limits.requestsPerMinute()), Window.perHour(limits.requestsPerHour()));
    }

    private QuotaLimits limitsOf(UUID organizationId) {
        long now = System.nanoTime();
        Kept kept = limitsByOrganization.get(organizationId);
        if (kept == null || now - kept.readAt() > OVERRIDES_KEPT.toNanos()) {
            kept = new Kept(quotas.limits(organizationId), now);
            limitsByOrganization.put(organizationId, kept);
        }
        return kept.limits();
    }

    private record Kept(QuotaLimits limits, long readAt) {
    }
}
