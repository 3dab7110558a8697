package app.arv.marker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MarkerRulesTest {

    @Test
    void theDefaultsKeepALiveNodesProofOfLifeOverThreeRecoveryRounds() {
        MarkerRules defaults = rules(Duration.ofSeconds(10), Duration.ofSeconds(30));

        assertThatCode(defaults::check).doesNotThrowAnyException();
    }

    @Test
    void aProofOfLifeShorterThanThreeRecoveryRoundsIsRefusedNamingBothSettings() {
        MarkerRules risky = rules(Duration.ofSeconds(10), Duration.ofSeconds(25));

        assertThatIllegalStateException().isThrownBy(risky::check)
                .withMessageContaining("ARV_MARKERS_NODE_ALIVE (PT25S)")
                .withMessageContaining("ARV_MARKERS_RECOVERY_INTERVAL");
    }

    @Test
    void aRecoveryIntervalOfZeroIsRefusedByNameForItsTimerWouldNeverRunAgain() {
        MarkerRules off = rules(Duration.ZERO, Duration.ofSeconds(30));

        assertThatIllegalStateException().isThrownBy(off::check).withMessageContaining("ARV_MARKERS_RECOVERY_INTERVAL");
    }

    private static MarkerRules rules(Duration recoveryInterval, Duration nodeAlive) {
        return new MarkerRules(2, recoveryInterval, nodeAlive, Duration.ofMinutes(1), Duration.ofMinutes(10), 1);
    }
}
