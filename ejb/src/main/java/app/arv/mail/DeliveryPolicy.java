package app.arv.mail;

import app.arv.shared.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens after a failed attempt: another one later, with exponential back-off (the first retry after
 * {@code backoff.first()}, doubling up to {@code backoff.max()}), or — after the last attempt, or at once for a
 * failure no retry can cure — the mail is dead.
 */
public record DeliveryPolicy(int maxAttempts, Backoff backoff) {

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ARV_MAIL_MAX_ATTEMPTS must be at least 1, got " + maxAttempts);
        }
    }

    /**
     * When to try again after attempt number {@code attempt} (1 = the first) failed at {@code now}; empty when the
     * mail is to be dead-lettered.
     */
    public Optional<Instant> retryAfter(int attempt, boolean permanent, Instant now) {
        if (permanent || attempt >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff.after(attempt - 1L)));
    }

    /** How long a mail that fails for now at every attempt is tried before it is dead: the waits between its attempts. */
    public Duration triedFor() {
        Duration total = Duration.ZERO;
        for (long attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(backoff.after(attempt - 1));
        }
        return total;
    }
}
