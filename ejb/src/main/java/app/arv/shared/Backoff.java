package app.arv.shared;

import java.time.Duration;

/** A wait that doubles with each further failure, from {@code first} up to {@code max} and never past it. */
public record Backoff(Duration first, Duration max) {

    /** More doublings than any cap needs; keeps the multiplication from overflowing. */
    private static final int MOST_DOUBLINGS = 30;

    /** The wait after {@code doublings} doublings of the first one (none, or fewer than none: the first itself). */
    public Duration after(long doublings) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(doublings, 0), MOST_DOUBLINGS));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
