package app.arv.protection;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowTest {

    @Test
    void aMinuteWindowResetsAtTheNextFullMinute() {
        long at = Instant.parse("2026-11-30T15:20:45.200Z").toEpochMilli();

        assertThat(Window.perMinute(60).secondsToReset(at)).isEqualTo(15);
    }

    @Test
    void anHourWindowResetsAtTheNextFullHour() {
        long at = Instant.parse("2026-11-30T15:20:00Z").toEpochMilli();

        assertThat(Window.perHour(1000).secondsToReset(at)).isEqualTo(40 * 60);
    }

    @Test
    void aWindowJustStartedHasItsWholePeriodToGo() {
        long at = Instant.parse("2026-11-30T15:21:00Z").toEpochMilli();

        assertThat(Window.perMinute(60).secondsToReset(at)).isEqualTo(60);
    }

    @Test
    void aWindowNeedsAPositiveLimit() {
        assertThatThrownBy(() -> Window.perMinute(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
