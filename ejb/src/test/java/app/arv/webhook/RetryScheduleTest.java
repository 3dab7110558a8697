package app.arv.webhook;

import app.arv.shared.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), Duration.ofDays(1));

    @Test
    void theWaitDoublesWithEachFailedAttemptUpToTheCap() {
        assertThat(SCHEDULE.nextAttempt(1, FIRST, FIRST, 1)).contains(FIRST.plusSeconds(30));
        assertThat(SCHEDULE.nextAttempt(2, FIRST, FIRST, 1)).contains(FIRST.plusSeconds(60));
        assertThat(SCHEDULE.nextAttempt(5, FIRST, FIRST, 1)).contains(FIRST.plusSeconds(480));
        assertThat(SCHEDULE.nextAttempt(20, FIRST, FIRST, 1)).contains(FIRST.plus(Duration.ofHours(1)));
    }

    @Test
    void jitterWaitsBetweenHalfAndAllOfTheStep() {
        assertThat(SCHEDULE.nextAttempt(3, FIRST, FIRST, 0)).contains(FIRST.plusSeconds(60));
        assertThat(SCHEDULE.nextAttempt(3, FIRST, FIRST, 0.5)).contains(FIRST.plusSeconds(90));
    }

    @Test
    void noAttemptIsScheduledPastThePeriodFromTheFirstAttempt() {
        Instant late = FIRST.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));

        assertThat(SCHEDULE.nextAttempt(40, FIRST, late, 1)).isEmpty();
        assertThat(SCHEDULE.nextAttempt(40, FIRST, late, 0)).contains(late.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aDayOfRetriesIsAboutThirtyAttempts() {
        Instant now = FIRST;
        int attempt = 1;
        while (SCHEDULE.nextAttempt(attempt, FIRST, now, 1).isPresent()) {
            now = SCHEDULE.nextAttempt(attempt, FIRST, now, 1).orElseThrow();
            attempt++;
        }

        assertThat(attempt).isBetween(28, 32);
        assertThat(now).isBefore(FIRST.plus(Duration.ofDays(1)).plusSeconds(1));
    }
}
