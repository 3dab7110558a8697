package app.arv.protection;

/**
 * A rate limiter's answer for one request, and what the client is told about it: the window closest
 * to running out ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} in seconds) and, when
 * refused, how long to wait ({@code Retry-After}).
 *
 * @param checked whether the limit was checked at all (not when limits are off or Redis is away:
 *                then nothing is told rather than something made up)
 * @param shared  whether the window told about is a bucket shared by several clients ({@link RateLimiter.Bucket#shared}),
 *                such as all the credentials of an organization, rather than the client's own
 */
public record Verdict(boolean checked, boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds,
        boolean shared) {

    private static final Verdict UNCHECKED = new Verdict(false, true, 0, 0, 0, 0, false);

    public static Verdict unchecked() {
        return UNCHECKED;
    }

    public static Verdict allowed(int limit, long remaining, long resetSeconds) {
        return new Verdict(true, true, limit, remaining, resetSeconds, 0, false);
    }

    public static Verdict refused(int limit, long resetSeconds, long retryAfterSeconds) {
        return new Verdict(true, false, limit, 0, resetSeconds, retryAfterSeconds, false);
    }

    /** This verdict, told about a window of a shared bucket. */
    Verdict ofSharedBucket() {
        return new Verdict(checked, allowed, limit, remaining, resetSeconds, retryAfterSeconds, true);
    }

    /** The answer of two limits that both apply: refused if either refused, told about the tighter one. */
    public Verdict and(Verdict other) {
        if (!checked) {
            return other;
        }
        if (!other.checked) {
            return this;
        }
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        if (!allowed) {
            return retryAfterSeconds >= other.retryAfterSeconds ? this : other;
        }
        return remaining <= other.remaining ? this : other;
    }
}
