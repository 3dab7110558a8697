package app.arv.protection;

import app.arv.shared.DomainException;

/**
 * A request over a rate limit or an organization's quota. Besides a domain problem's status and code
 * it says which quota ({@code quota}, the name shown in {@code GET /usage}) and, for rate limits,
 * when to come back ({@code Retry-After}).
 */
public class LimitExceeded extends DomainException {

    public static final String RATE_LIMITED = "rate_limited";
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    public static final String NOT_GRANTED = "not_granted";

    private final QuotaKind quota;
    private final long retryAfterSeconds;

    private LimitExceeded(int status, String code, String message, QuotaKind quota, long retryAfterSeconds) {
        super(status, code, message);
        this.quota = quota;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Refused by {@code verdict}; the message says when it was a bucket shared by all the organization's credentials. */
    public static LimitExceeded rateLimited(Verdict verdict) {
        String whose = verdict.shared() ? " of this organization's API keys and people together" : "";
        return new LimitExceeded(429, RATE_LIMITED, "More than " + verdict.limit() + " requests" + whose + " in this window; try again in "
                + verdict.retryAfterSeconds() + " s", null, verdict.retryAfterSeconds());
    }

    /** More requests at once than {@code max} from one client; they end within seconds, so it may come back in one. */
    public static LimitExceeded tooManyAtOnce(String what, int max) {
        return new LimitExceeded(429, RATE_LIMITED, "More than " + max + " " + what + " at once from this address; try again in 1 s",
                null, 1);
    }

    /** Using more would pass the quota: 429, like a rate limit, but no use waiting a few seconds. */
    public static LimitExceeded quotaExceeded(QuotaKind quota, String message) {
        return new LimitExceeded(429, QUOTA_EXCEEDED, message, quota, 0);
    }

    /**
     * The organization may not use this at all (a provider it was not granted): a code of its own,
     * since {@code quota_exceeded} is always 429 and this is no matter of waiting or using less.
     */
    public static LimitExceeded notGranted(QuotaKind quota, String message) {
        return new LimitExceeded(403, NOT_GRANTED, message, quota, 0);
    }

    /** @return the quota's name ({@link QuotaKind#wireName}), or {@code null} for a rate limit */
    public String quota() {
        return quota == null ? null : quota.wireName();
    }

    /** @return whole seconds to wait, or 0 when waiting a little won't help */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
