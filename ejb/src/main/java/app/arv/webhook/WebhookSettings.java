package app.arv.webhook;

import app.arv.shared.Backoff;
import app.arv.shared.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** How ARV sends webhooks: timeouts, the retry schedule, when a failing webhook is switched off, and housekeeping. */
@ApplicationScoped
public class WebhookSettings {

    /** Opening a connection to a receiver. */
    @Inject
    @ConfigProperty(name = "arv.webhook.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** Silence while sending the body or waiting for the answer: a receiver should answer at once and work later. */
    @Inject
    @ConfigProperty(name = "arv.webhook.read-timeout", defaultValue = "PT10S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "arv.webhook.retry-base", defaultValue = "PT30S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "arv.webhook.retry-max", defaultValue = "PT1H")
    Duration retryMax;

    /** Attempts go on this long after the first one; then the delivery is dead. */
    @Inject
    @ConfigProperty(name = "arv.webhook.retry-period", defaultValue = "P1D")
    Duration retryPeriod;

    /** Dead deliveries in a row (none delivered in between) that switch a webhook off. */
    @Inject
    @ConfigProperty(name = "arv.webhook.disable-after", defaultValue = "3")
    int disableAfter;

    /** After a rotation the previous secret signs too, this long, so receivers can switch over without losing events. */
    @Inject
    @ConfigProperty(name = "arv.webhook.secret-grace", defaultValue = "PT24H")
    Duration secretGrace;

    /** How long a claimed delivery belongs to the node that claimed it: far longer than one attempt. */
    @Inject
    @ConfigProperty(name = "arv.webhook.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "arv.webhook.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;

    /** Webhooks one organization may register: each can hold a sender for a whole attempt's timeouts. */
    @Inject
    @ConfigProperty(name = "arv.webhook.max-per-organization", defaultValue = "10")
    int maxPerOrganization;

    /**
     * Deliveries of one organization a node takes in one claim, so one organization's backlog (a slow receiver, many
     * webhooks) cannot fill every claim and hold up every other organization's deliveries behind it.
     */
    @Inject
    @ConfigProperty(name = "arv.webhook.claim-per-organization", defaultValue = "2")
    int claimPerOrganization;

    /**
     * Deliveries one node sends at the same time (of one claim): a receiver that answers slowly holds one of them, not
     * every other organization's deliveries behind it.
     */
    @Inject
    @ConfigProperty(name = "arv.webhook.parallel-sends", defaultValue = "4")
    int parallelSends;

    /**
     * Claims in a row whose attempt never got recorded before a delivery is dead: more than one, since a node that dies
     * mid-attempt leaves its claim unrecorded too.
     */
    @Inject
    @ConfigProperty(name = "arv.webhook.broken-claims", defaultValue = "3")
    int brokenClaims;

    /** Delivered and dead deliveries (with their attempts) are deleted this long after they were created. */
    @Inject
    @ConfigProperty(name = "arv.webhook.retention", defaultValue = "P30D")
    Duration retention;

    public RetrySchedule schedule() {
        return new RetrySchedule(new Backoff(retryBase, retryMax), retryPeriod);
    }

    public int disableAfter() {
        return disableAfter;
    }

    /** Empty: the previous secret stops at once ({@code PT0S}). */
    public Optional<Duration> secretGrace() {
        return Setting.unlessZero(secretGrace);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The longest one attempt can take: connecting, sending the body and waiting for the answer. */
    public Duration longestAttempt() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    public Duration lease() {
        return lease;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int maxPerOrganization() {
        return maxPerOrganization;
    }

    public int claimPerOrganization() {
        return claimPerOrganization;
    }

    public int parallelSends() {
        return parallelSends;
    }

    public int brokenClaims() {
        return brokenClaims;
    }

    /** Empty: settled deliveries are kept for ever ({@code PT0S}). */
    public Optional<Duration> retention() {
        return Setting.unlessZero(retention);
    }

    /** @throws IllegalStateException naming the setting when one cannot work */
    public void check() {
        Setting.atLeastOne("ARV_WEBHOOK_DISABLE_AFTER", disableAfter);
        Setting.atLeastOne("ARV_WEBHOOK_MAX_PER_ORGANIZATION", maxPerOrganization);
        Setting.atLeastOne("ARV_WEBHOOK_CLAIM_PER_ORGANIZATION", claimPerOrganization);
        Setting.atLeastOne("ARV_WEBHOOK_PARALLEL_SENDS", parallelSends);
        if (brokenClaims < 2) {
            throw new IllegalStateException("ARV_WEBHOOK_BROKEN_CLAIMS must be at least 2 (a node that dies mid-attempt leaves"
                    + " one claim unrecorded), got " + brokenClaims);
        }
        Setting.positive("ARV_WEBHOOK_POLL_INTERVAL", pollInterval);
        Setting.positive("ARV_WEBHOOK_CONNECT_TIMEOUT", connectTimeout);
        Setting.positive("ARV_WEBHOOK_READ_TIMEOUT", readTimeout);
        Setting.positive("ARV_WEBHOOK_RETRY_BASE", retryBase);
        if (retryPeriod.isNegative()) {
            throw new IllegalStateException("ARV_WEBHOOK_RETRY_PERIOD must not be negative, got " + retryPeriod);
        }
        if (lease.compareTo(longestAttempt()) <= 0) {
            throw new IllegalStateException("ARV_WEBHOOK_LEASE (" + lease + ") must be longer than one attempt can take ("
                    + longestAttempt() + ": the connect timeout and twice the read timeout)");
        }
    }
}
