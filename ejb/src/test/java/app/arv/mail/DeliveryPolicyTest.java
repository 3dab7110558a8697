package app.arv.mail;

import app.arv.shared.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(5, new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5)));

    @Test
    void aFirstFailedAttemptIsRetriedAfterTheFirstWait() {
        assertThat(policy.retryAfter(1, false, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        assertThat(policy.retryAfter(2, false, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.retryAfter(3, false, NOW)).contains(NOW.plus(Duration.ofMinutes(4)));
        assertThat(policy.retryAfter(4, false, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theLastAttemptFailingDeadLettersTheMail() {
        assertThat(policy.retryAfter(5, false, NOW)).isEmpty();
    }

    @Test
    void anAttemptPastTheLastOneAlsoDeadLetters() {
        // A node that died during the last attempt leaves the mail to one more: its failure ends it too.
        assertThat(policy.retryAfter(6, false, NOW)).isEmpty();
    }

    @Test
    void aPermanentRefusalDeadLettersAtOnce() {
        assertThat(policy.retryAfter(1, true, NOW)).isEmpty();
    }

    @Test
    void aMailIsTriedForTheWaitsBetweenItsAttempts() {
        assertThat(policy.triedFor()).isEqualTo(Duration.ofMinutes(1 + 2 + 4 + 5));
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARV_MAIL_MAX_ATTEMPTS");
    }
}
