package app.arv.protection;

/**
 * What the platform admin sets for one organization; each {@code null} means "the default". Zero is
 * a real quota (nothing more may be stored or generated); request limits must be positive.
 */
public record QuotaOverrides(Integer requestsPerMinute, Integer requestsPerHour, Integer uploadsPerMinute, Long storedBytes,
        Integer generationsPerMonth, Boolean falAllowed, Integer falItemsPerMonth, Integer organizationRequestsPerMinute,
        Integer organizationRequestsPerHour) {

    public static final QuotaOverrides NONE = new QuotaOverrides(null, null, null, null, null, null, null, null, null);
}
