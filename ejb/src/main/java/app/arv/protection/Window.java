package app.arv.protection;

import java.time.Duration;

/**
 * At most {@code limit} requests per {@code period}, the periods aligned to the clock (a minute
 * window starts at :00 seconds, an hour window at :00 minutes, UTC), so every node agrees when one
 * resets and the reset can be told to the client.
 */
public record Window(int limit, Duration period) {

    public static Window perMinute(int limit) {
        return new Window(limit, Duration.ofMinutes(1));
    }

    public static Window perHour(int limit) {
        return new Window(limit, Duration.ofHours(1));
    }

    public Window {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A window needs a positive limit and period: " + limit + "/" + period);
        }
    }

    /** Whole seconds (at least 1) from {@code epochMillis} until this window starts afresh. */
    public long secondsToReset(long epochMillis) {
        long periodMillis = period.toMillis();
        long left = periodMillis - Math.floorMod(epochMillis, periodMillis);
        return Math.max(1, (left + 999) / 1000);
    }

    /** Which period of this window {@code epochMillis} falls in, counted from the epoch: a new one, a fresh count. */
    long periodIndex(long epochMillis) {
        return Math.floorDiv(epochMillis, period.toMillis());
    }

    /** Part of a bucket's key: a changed limit is a new bucket, not an old one with a stale size. */
    String signature() {
        return limit + "/" + period.toSeconds();
    }
}
