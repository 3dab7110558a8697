package app.arv.persistence.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordResetTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T03:00:00Z");

    private final PasswordResetToken token = new PasswordResetToken(UUID.randomUUID(), "ab".repeat(32), ISSUED, Duration.ofHours(1));

    @Test
    void aFreshTokenIsUsableUntilJustBeforeItExpires() {
        assertThat(token.usableAt(ISSUED)).isTrue();
        assertThat(token.usableAt(ISSUED.plus(Duration.ofMinutes(59)))).isTrue();
    }

    @Test
    void aTokenIsNotUsableFromItsExpiryOn() {
        assertThat(token.usableAt(ISSUED.plus(Duration.ofHours(1)))).isFalse();
        assertThat(token.usableAt(ISSUED.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aUsedTokenIsNeverUsableAgain() {
        token.use(ISSUED.plusSeconds(10));

        assertThat(token.usableAt(ISSUED.plusSeconds(11))).isFalse();
        assertThatThrownBy(() -> token.use(ISSUED.plusSeconds(12))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredTokenCannotBeUsed() {
        assertThatThrownBy(() -> token.use(ISSUED.plus(Duration.ofHours(2)))).isInstanceOf(IllegalStateException.class);
        assertThat(token.getUsedAt()).isNull();
    }

    @Test
    void aTokenMustLiveAWhile() {
        assertThatThrownBy(() -> new PasswordResetToken(UUID.randomUUID(), "ab".repeat(32), ISSUED, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
