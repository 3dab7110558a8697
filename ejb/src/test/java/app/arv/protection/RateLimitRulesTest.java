package app.arv.protection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RateLimitRulesTest {

    @Test
    void theDefaultsWork() {
        assertThatCode(new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000)::check).doesNotThrowAnyException();
    }

    @Test
    void aLimitOfZeroIsRefusedByNameInsteadOfFailingEveryRequest() {
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 0, 1000, 10, 120, 600, 10000)::check)
                .withMessageContaining("ARV_RATE_LIMIT_PER_MINUTE");
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 60, 1000, 10, -1, 600, 10000)::check)
                .withMessageContaining("ARV_VIEWER_REQUESTS_PER_MINUTE");
    }

    @Test
    void anOrganizationLimitOfZeroIsRefusedByName() {
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 60, 1000, 10, 120, 0, 10000)::check)
                .withMessageContaining("ARV_RATE_LIMIT_ORGANIZATION_PER_MINUTE");
        assertThatIllegalStateException().isThrownBy(new RateLimitRules(true, 60, 1000, 10, 120, 600, 0)::check)
                .withMessageContaining("ARV_RATE_LIMIT_ORGANIZATION_PER_HOUR");
    }

    @Test
    void withLimitsSwitchedOffTheirNumbersDoNotMatter() {
        assertThatCode(new RateLimitRules(false, 0, 0, 0, 120, 0, 0)::check).doesNotThrowAnyException();
    }
}
