package app.arv.protection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RateLimitRulesTest {

    @Test
    void theDefaultsWork() {
        assertThatCode(new RateLimitRules(true, 60, 1000, 10, 120)::check).doesNotThrowAnyException();
    }

    @Test
    void aLimitOfZeroIsRefusedByNameInsteadOfFailingEveryRequest() {
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 0, 1000, 10, 120)::check)
                .withMessageContaining("ARV_RATE_LIMIT_PER_MINUTE");
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 60, 1000, 10, -1)::check)
                .withMessageContaining("ARV_VIEWER_REQUESTS_PER_MINUTE");
    }

    @Test
    void withLimitsSwitchedOffTheirNumbersDoNotMatter() {
        assertThatCode(new RateLimitRules(false, 0, 0, 0, 120)::check).doesNotThrowAnyException();
    }
}
