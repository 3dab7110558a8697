package app.arv.protection;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.notification.Occurrences;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What a quota's use tells the organization: at {@value #WARNING_PERCENT} % it is warned ({@code quota.warning}), at
 * 100 % told the quota is reached ({@code quota.reached}) — each once per quota and period, through
 * {@link Occurrences#fireOnce}.
 */
@ApplicationScoped
public class QuotaOccurrences {

    /** The share of a quota at which the organization is warned, in percent. */
    static final int WARNING_PERCENT = 80;

    @Inject
    Occurrences occurrences;

    /** An organization now uses {@code used} of {@code limit} of a quota in {@code period}: warned or told, once each. */
    public void quotaUsed(UUID organizationId, QuotaKind quota, long used, long limit, YearMonth period) {
        if (limit <= 0) {
            return;
        }
        if (used >= limit) {
            once(OccurrenceType.QUOTA_REACHED, organizationId, quota, used, limit, period);
        } else if (used * 100.0 >= limit * (double) WARNING_PERCENT) {
            once(OccurrenceType.QUOTA_WARNING, organizationId, quota, used, limit, period);
        }
    }

    private void once(OccurrenceType type, UUID organizationId, QuotaKind quota, long used, long limit, YearMonth period) {
        JsonObject data = Jsonp.createObjectBuilder().add("quota", quota.wireName()).add("used", used).add("limit", limit)
                .add("percent", (long) Math.floor(used * 100.0 / limit)).add("period", period.toString()).build();
        // The period is the UTC month (Quotas' clock).
        Instant periodOver = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        occurrences.fireOnce(type.wireName() + ":" + quota.wireName() + ":" + period, periodOver,
                new Occurrence(organizationId, type, organizationId, Instant.now(), data));
    }
}
