package app.arv.webhook;

import app.arv.shared.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential back-off ({@code backoff.first()} after the first attempt,
 * doubling up to {@code backoff.max()}) with "equal jitter" — each wait is between half and all of its step, so
 * receivers that came back are not hit by every sender at the same instant — for {@code period} from the first
 * attempt. An attempt that would start after the period is not made: the delivery is dead.
 */
public record RetrySchedule(Backoff backoff, Duration period) {

    /**
     * @param attempt the attempt that failed (1 = the first)
     * @param jitter a number in [0, 1]: 0 waits half the step, 1 the whole step
     * @return when to try again, or empty when the delivery is dead
     */
    public Optional<Instant> nextAttempt(int attempt, Instant firstAttemptAt, Instant now, double jitter) {
        Duration step = backoff.after(attempt - 1L);
        long half = step.toMillis() / 2;
        Duration wait = Duration.ofMillis(half + (long) ((step.toMillis() - half) * Math.min(Math.max(jitter, 0), 1)));
        Instant next = now.plus(wait);
        return next.isAfter(firstAttemptAt.plus(period)) ? Optional.empty() : Optional.of(next);
    }
}
