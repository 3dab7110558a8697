package app.arv.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void theFirstWaitIsTheFirstDuration() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachDoublingDoublesTheWait() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void theWaitNeverPassesTheMaximum() {
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fewerThanNoDoublingsIsTheFirstWait() {
        assertThat(backoff.after(-3)).isEqualTo(Duration.ofSeconds(30));
    }
}
