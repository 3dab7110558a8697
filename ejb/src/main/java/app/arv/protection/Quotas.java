package app.arv.protection;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.organization.OrganizationQuota;
import app.arv.persistence.organization.OrganizationQuotaRepository;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Organizations' quotas: what the platform admin set, what is in force, what is used, and the checks
 * the work they guard calls first, in its own transaction. The checks hold their lock (stored
 * bytes) or counter row (generations) until that transaction ends, so two concurrent requests can't
 * both take the last of a quota, and a request refused or rolled back leaves nothing counted.
 */
@Stateless
public class Quotas {

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationQuotaRepository quotas;

    @Inject
    OrganizationRepository organizations;

    @Inject
    QuotaRules quotaRules;

    @Inject
    RateLimitRules rateRules;

    @Inject
    QuotaOccurrences occurrences;

    Clock clock = Clock.systemUTC();

    /** The platform admin's overrides of an organization (all {@code null} if none were set). */
    public QuotaOverrides overrides(UUID organizationId) {
        requireOrganization(organizationId);
        return quotas.find(organizationId).map(Quotas::overridesOf).orElse(QuotaOverrides.NONE);
    }

    /**
     * Replaces all of an organization's overrides.
     *
     * @param caller the platform admin making the change, for the organization's audit log
     */
    public QuotaOverrides override(Caller caller, UUID organizationId, QuotaOverrides values) {
        requireOrganization(organizationId);
        quotas.findOrCreate(organizationId).override(values.requestsPerMinute(), values.requestsPerHour(),
                values.uploadsPerMinute(), values.storedBytes(), values.generationsPerMonth(), values.falAllowed(),
                values.falItemsPerMonth(), values.organizationRequestsPerMinute(), values.organizationRequestsPerHour());
        // The overrides as they are now (a missing one is the default again), not a difference.
        audit.record(organizationId, Actor.of(caller), AuditAction.QUOTA_CHANGED, organizationId,
                AuditDetails.with("requests_per_minute", values.requestsPerMinute()).and("requests_per_hour", values.requestsPerHour())
                        .and("uploads_per_minute", values.uploadsPerMinute()).and(QuotaKind.STORED_BYTES.wireName(), values.storedBytes())
                        .and(QuotaKind.GENERATIONS_PER_MONTH.wireName(), values.generationsPerMonth())
                        .and(QuotaKind.FAL_ALLOWED.wireName(), values.falAllowed())
                        .and(QuotaKind.FAL_ITEMS_PER_MONTH.wireName(), values.falItemsPerMonth())
                        .and("organization_requests_per_minute", values.organizationRequestsPerMinute())
                        .and("organization_requests_per_hour", values.organizationRequestsPerHour()));
        return values;
    }

    /**
     * The limits in force. The organization-wide request limits default to the installation's, but never below the
     * organization's own per-credential limits: a default must not hold a single credential to less than its own limit
     * (a platform admin's override of them does, as set).
     */
    public QuotaLimits limits(UUID organizationId) {
        QuotaOverrides o = quotas.find(organizationId).map(Quotas::overridesOf).orElse(QuotaOverrides.NONE);
        int perMinute = or(o.requestsPerMinute(), rateRules.perMinute());
        int perHour = or(o.requestsPerHour(), rateRules.perHour());
        return new QuotaLimits(
                perMinute,
                perHour,
                or(o.uploadsPerMinute(), rateRules.uploadsPerMinute()),
                o.storedBytes() != null ? o.storedBytes() : quotaRules.storedBytes(),
                or(o.generationsPerMonth(), quotaRules.generationsPerMonth()),
                o.falAllowed() != null ? o.falAllowed() : quotaRules.falAllowed(),
                or(o.falItemsPerMonth(), quotaRules.falItemsPerMonth()),
                or(o.organizationRequestsPerMinute(), Math.max(rateRules.organizationPerMinute(), perMinute)),
                or(o.organizationRequestsPerHour(), Math.max(rateRules.organizationPerHour(), perHour)));
    }

    public Usage usage(UUID organizationId) {
        YearMonth month = YearMonth.now(clock);
        var used = quotas.usage(organizationId, month.atDay(1));
        return new Usage(month, quotas.storedBytes(organizationId), used.generationItems(), used.falItems(),
                limits(organizationId));
    }

    /**
     * Refuses storing {@code bytes} more (new content, not yet stored: every byte its recording adds to the use, e.g. an
     * upload's thumbnails too; {@link QuotaRules}) if the organization would pass its stored-bytes quota. Holds the
     * organization's storage lock until the caller's transaction ends.
     */
    public void admitStoredBytes(UUID organizationId, long bytes) {
        if (bytes <= 0) {
            return;
        }
        long quota = limits(organizationId).storedBytes();
        quotas.lockStoredBytes(organizationId);
        long stored = quotas.storedBytes(organizationId);
        if (stored + bytes > quota) {
            throw LimitExceeded.quotaExceeded(QuotaKind.STORED_BYTES, "Storing " + bytes + " more bytes would pass the organization's quota of "
                    + quota + " stored bytes (" + stored + " in use)");
        }
        occurrences.quotaUsed(organizationId, QuotaKind.STORED_BYTES, stored + bytes, quota, YearMonth.now(clock));
    }

    /**
     * Counts {@code items} generation items towards this month's quotas, or refuses them all.
     *
     * @param paid whether they go to the paid {@code fal} provider (its own grant and monthly budget)
     * @return the month they were counted in (its first day): what {@link #giveBackGenerations} gives back to
     */
    public LocalDate admitGenerations(UUID organizationId, int items, boolean paid) {
        QuotaLimits limits = limits(organizationId);
        if (paid && !limits.falAllowed()) {
            throw LimitExceeded.notGranted(QuotaKind.FAL_ALLOWED, "This organization may not use the fal provider; use 'local' or ask the operator");
        }
        LocalDate month = YearMonth.now(clock).atDay(1);
        int falItems = paid ? items : 0;
        if (quotas.countGenerations(organizationId, month, items, falItems, limits.generationsPerMonth(), limits.falItemsPerMonth())) {
            var counted = quotas.usage(organizationId, month);
            occurrences.quotaUsed(organizationId, QuotaKind.GENERATIONS_PER_MONTH, counted.generationItems(), limits.generationsPerMonth(),
                    YearMonth.from(month));
            if (paid) {
                occurrences.quotaUsed(organizationId, QuotaKind.FAL_ITEMS_PER_MONTH, counted.falItems(), limits.falItemsPerMonth(),
                        YearMonth.from(month));
            }
            return month;
        }
        var used = quotas.usage(organizationId, month);
        if (used.generationItems() + items > limits.generationsPerMonth()) {
            throw LimitExceeded.quotaExceeded(QuotaKind.GENERATIONS_PER_MONTH, items + " more generations would pass the organization's quota of "
                    + limits.generationsPerMonth() + " a month (" + used.generationItems() + " used this month)");
        }
        throw LimitExceeded.quotaExceeded(QuotaKind.FAL_ITEMS_PER_MONTH, items + " more fal generations would pass the organization's budget of "
                + limits.falItemsPerMonth() + " a month (" + used.falItems() + " used this month)");
    }

    /**
     * Gives back generation items counted in {@code month} ({@link #admitGenerations}) of which nothing was made nor
     * asked of the paid provider (cancelled before a worker took them): they no longer count against that month.
     */
    public void giveBackGenerations(UUID organizationId, LocalDate month, int items, boolean paid) {
        if (items > 0) {
            quotas.uncountGenerations(organizationId, month, items, paid ? items : 0);
        }
    }

    private void requireOrganization(UUID organizationId) {
        if (organizations.find(organizationId).isEmpty()) {
            throw DomainException.notFound("Organization");
        }
    }

    private static int or(Integer override, int fallback) {
        return override != null ? override : fallback;
    }

    private static QuotaOverrides overridesOf(OrganizationQuota q) {
        return new QuotaOverrides(q.getRequestsPerMinute(), q.getRequestsPerHour(), q.getUploadsPerMinute(), q.getStoredBytes(),
                q.getGenerationsPerMonth(), q.getFalAllowed(), q.getFalItemsPerMonth(), q.getOrganizationRequestsPerMinute(),
                q.getOrganizationRequestsPerHour());
    }
}
