package app.arv.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SettingTest {

    @Test
    void aPositiveDurationIsTakenAsItIs() {
        assertThat(Setting.positive("ARV_X_INTERVAL", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void zeroNegativeAndSubMillisecondDurationsAreRefusedNamingTheSetting() {
        for (Duration unusable : new Duration[]{Duration.ZERO, Duration.ofSeconds(-5), Duration.ofNanos(999_999)}) {
            assertThatIllegalStateException().as(unusable.toString())
                    .isThrownBy(() -> Setting.positive("ARV_X_INTERVAL", unusable))
                    .withMessageContaining("ARV_X_INTERVAL").withMessageContaining(unusable.toString());
        }
    }

    @Test
    void aCountUnderOneIsRefusedNamingTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> Setting.atLeastOne("ARV_X_COUNT", 0)).withMessageContaining("ARV_X_COUNT");
    }

    @Test
    void aPeriodOfZeroOrLessIsSwitchedOffAndAPositiveOneIsKept() {
        assertThat(Setting.unlessZero(Duration.ZERO)).isEmpty();
        assertThat(Setting.unlessZero(Duration.ofDays(-1))).isEmpty();
        assertThat(Setting.unlessZero(Duration.ofNanos(1))).contains(Duration.ofNanos(1));
    }
}
