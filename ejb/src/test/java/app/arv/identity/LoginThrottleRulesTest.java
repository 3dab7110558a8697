package app.arv.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleRulesTest {

    private final LoginThrottleRules rules = new LoginThrottleRules(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void failuresBelowTheLimitHoldNothing() {
        assertThat(rules.holdAfter(4, 5)).isZero();
    }

    @Test
    void theHoldStartsAtTheBackoffAndDoublesWithEachFailure() {
        assertThat(rules.holdAfter(5, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(rules.holdAfter(6, 5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.holdAfter(8, 5)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void theHoldStopsGrowingAtTheMaximum() {
        assertThat(rules.holdAfter(10, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rules.holdAfter(1_000_000, 5)).isEqualTo(Duration.ofMinutes(15));
    }
}
