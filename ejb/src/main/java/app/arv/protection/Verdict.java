package app.arv.protection;

/**
 * A rate limiter's answer for one request, and what the client is told about it: the window closest
 * to running out ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} in seconds) and, when
 * refused, how long to wait ({@code Retry-After}).
 *
 * @param checked whether the limit was checked at all (not when limits are off or Redis is away:
 *                then nothing is told rather than something made up)
 */
public record Verdict(boolean checked, boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    private static final Verdict UNCHECKED = new Verdict(false, true, 0, 0, 0, 0);

    public static Verdict unchecked() {
        return UNCHECKED;
    }

    public static Verdict allowed(int limit, long remaining, long resetSeconds) {
        return new Verdict(true, true, limit, remaining, resetSeconds, 0);
    }

    public static Verdict refused(int limit, long resetSeconds, long retryAfterSeconds) {
        return new Verdict(true, false, limit, 0, resetSeconds, retryAfterSeconds);
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
