package app.arv.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleRulesTest {

    private final LifecycleRules rules = new LifecycleRules("redirect", Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(24), 5,
            Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theFirstRetryWaitsTheBaseAndEachFurtherFailureDoublesIt() {
        assertThat(rules.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(rules.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.retryDelayAfter(4)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void theWaitStopsGrowingAfterTwentyDoublings() {
        assertThat(rules.retryDelayAfter(40)).isEqualTo(rules.retryDelayAfter(21));
    }

    @Test
    void aDeletionIsGivenUpOnceItFailedAsOftenAsAllowed() {
        assertThat(rules.givesUpAfter(4)).isFalse();
        assertThat(rules.givesUpAfter(5)).isTrue();
    }
}
