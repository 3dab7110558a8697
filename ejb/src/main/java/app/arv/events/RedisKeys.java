package app.arv.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every prefix ARV's keys and channels take in Redis, one a feature, so that no two features write into each other's
 * keys: no prefix begins another. The strings never change: nodes of two versions share one Redis during a rolling
 * upgrade, and a renamed prefix would split rate-limit counters, lose marker stops and events, and forget login holds.
 * A feature composes its keys with {@link #key} and keeps what follows its prefix to itself.
 */
public enum RedisKeys {

    /** An organization's live events ({@link OrganizationEventHub}): {@code <org>:<source>[:<person>]}. */
    ORGANIZATION_EVENTS("arv:org:"),
    /** A generation job's channel, its event stream ({@code :events}) and its items' last versions ({@code :items}). */
    GENERATION_EVENTS("arv:generation:"),
    /** One AR content's marker status changes: {@code <content>}. */
    AR_CONTENT_EVENTS("arv:ar-content:"),
    /** A node's channel of marker compile stops: {@code <node id>}. */
    MARKER_STOPS("arv:markers:stop:"),
    /** The claim of one node to restart a marker job execution: {@code <execution>}. */
    MARKER_RESTARTS("arv:markers:restart:"),
    /** Which node runs a marker job instance: {@code <instance>:node} (and its {@code -execution}, {@code -name}). */
    MARKER_JOB_OWNERS("arv:markers:job:"),
    /** A marker job instance's meetings with its organization's store away ({@code MarkerOutages}): {@code <instance>}. */
    MARKER_OUTAGES("arv:markers:outage:"),
    /** A marker compile node's proof of life: {@code <node id>:alive}. */
    MARKER_NODES("arv:node:"),
    /** The one channel of credential changes (revoked keys, ended sessions): the whole name, nothing follows. */
    CREDENTIAL_CHANGES("arv:credentials"),
    /** Failed sign-ins and their holds, by account and by client network. */
    LOGIN_THROTTLE("arv:login:"),
    /** Request rate-limit buckets: per credential, upload, client address and organization. */
    RATE_LIMITS("arv:rate:"),
    /** The public viewer's rate-limit buckets, per client network; kept from before it shared the rate limits. */
    VIEWER_RATE_LIMITS("arv:viewer:rate:");

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix itself, e.g. {@code arv:org:}. */
    public String prefix() {
        return prefix;
    }

    /** The prefix followed by {@code parts}, joined by {@code :}: {@code ORGANIZATION_EVENTS.key(org, "markers")}. */
    public String key(Object... parts) {
        return prefix + Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(":"));
    }

    /** Every key or channel of the prefix, as a subscription pattern: {@code arv:org:*}. */
    public String pattern() {
        return prefix + "*";
    }
}
